// Company rules through the real HTTP stack (劳动合同法 第四条): HR stores the attendance rule with
// its adoption record and minutes, a new version supersedes the old one, both files are in the
// evidence ledger; employees read and sign the version in force; HR sees who has not.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { exeBytes, pdfBytes, signedPng } from '../helpers/make-png.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
const { request, auth } = createTestApp(t);
const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事' });
const signer = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵六' });
const other = await makeActor(t.deps, ['EMPLOYEE'], { name: '钱七' });
const bearer = async (employeeId: string) => ({ Authorization: `Bearer ${(await createSession(t.deps, { employeeId, platform: 'sandbox', method: 'test' })).token}` });
const [asHr, asSigner, asOther] = await Promise.all([bearer(hr.employee.id), bearer(signer.employee.id), bearer(other.employee.id)]);
const ruleV2 = Buffer.concat([pdfBytes(), Buffer.from('% 第二版\n')]);

const upload = (headers: Record<string, string>, over: Record<string, string> = {}, files = { document: pdfBytes(), minutes: pdfBytes() }) => {
  const fields = { title: '员工考勤管理制度', article: '连续旷工三个工作日及以上的，属于严重违反用人单位规章制度', adoptedOn: '2026-03-01', adoptionMethod: 'WORKERS_CONGRESS', ...over };
  let req = request.post('/api/v1/company-rules').set(headers);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('document', files.document, '考勤制度.pdf').attach('minutes', files.minutes, '职代会纪要.pdf');
};
const counts = () => Promise.all([t.db.companyRule.count(), t.db.evidenceEntry.count()]);

describe('POST /api/v1/company-rules', () => {
  it('refuses bad input, a non-PDF rule, employees and the admin token, and stores nothing', async () => {
    const before = await counts();
    const exe = await upload(asHr, {}, { document: exeBytes(), minutes: pdfBytes() });
    expect(exe.status).toBe(415);
    const method = await upload(asHr, { adoptionMethod: 'BOSS_DECIDED' });
    expect([method.status, JSON.stringify(method.body.error)]).toEqual([400, expect.stringContaining('职工代表大会')]);
    expect((await upload(asHr, { adoptedOn: '2026-04-01' })).body.error.message).toBe('通过日期不能晚于今天');
    const noMinutes = await request.post('/api/v1/company-rules').set(asHr).field('title', '员工考勤管理制度').field('article', '连续旷工三日').field('adoptedOn', '2026-03-01')
      .field('adoptionMethod', 'ALL_STAFF').attach('document', pdfBytes(), 'a.pdf');
    expect([noMinutes.status, noMinutes.body.error.message]).toEqual([400, '没有收到民主程序会议纪要，请选择文件后再上传']);
    expect((await upload(asSigner)).status).toBe(403);
    expect((await upload(auth)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('stores version 1 with its adoption record, then version 2 supersedes it; every file is a ledger entry', async () => {
    const first = await upload(asHr);
    expect([first.status, first.body.version]).toEqual([201, 1]);
    expect(first.body.text).toContain('2026-03-01 经职工代表大会讨论通过');
    const second = await upload(asHr, { adoptedOn: '2026-03-10', adoptionMethod: 'ALL_STAFF' }, { document: ruleV2, minutes: pdfBytes() });
    expect([second.status, second.body.version, second.body.text]).toEqual([201, 2, expect.stringContaining('取代第 1 版')]);

    const rows = await t.db.companyRule.findMany({ orderBy: { version: 'asc' } });
    expect(rows.map((r) => [r.version, r.title, r.adoptionMethod, r.supersededAt !== null])).toEqual([[1, '《员工考勤管理制度》', 'WORKERS_CONGRESS', true], [2, '《员工考勤管理制度》', 'ALL_STAFF', false]]);
    const ledger = await t.db.evidenceEntry.findMany({ where: { subjectType: 'company_rule' }, orderBy: { index: 'asc' } });
    expect(ledger.map((e) => [e.type, e.subjectId, e.payloadHash])).toEqual([
      ['company_rule.document', rows[0]!.id, rows[0]!.documentSha256], ['company_rule.minutes', rows[0]!.id, rows[0]!.minutesSha256],
      ['company_rule.document', rows[1]!.id, rows[1]!.documentSha256], ['company_rule.minutes', rows[1]!.id, rows[1]!.minutesSha256],
    ]);
    expect(await t.db.auditEvent.count({ where: { type: 'company_rule.stored' } })).toBe(2);

    const hrList = (await request.get('/api/v1/company-rules').set(asHr)).body.rules as { version: number; current: boolean; adoptionMethodLabel: string }[];
    expect(hrList.map((r) => [r.version, r.current, r.adoptionMethodLabel])).toEqual([[2, true, '全体职工讨论'], [1, false, '职工代表大会']]);
    const mine = (await request.get('/api/v1/company-rules').set(asSigner)).body.rules as { version: number; minutesUrl?: string }[];
    expect(mine.map((r) => [r.version, r.minutesUrl])).toEqual([[2, undefined]]);
  });

  it('serves the rule PDF to every employee and the minutes only to HR', async () => {
    const current = await t.db.companyRule.findFirstOrThrow({ where: { supersededAt: null } });
    const doc = await request.get(`/api/v1/company-rules/${current.id}/document`).set(asOther).buffer(true);
    expect([doc.status, doc.headers['content-type'], Buffer.compare(doc.body as Buffer, ruleV2)]).toEqual([200, 'application/pdf', 0]);
    expect((await request.get(`/api/v1/company-rules/${current.id}/minutes`).set(asOther)).status).toBe(404);
    expect((await request.get(`/api/v1/company-rules/${current.id}/minutes`).set(asHr)).status).toBe(200);
  });
});

describe('acknowledging a rule (规章制度签收)', () => {
  const body = (subjectId: string) => ({
    template: 'company-rule-acknowledgement', subjectId, typedName: '赵六', statementAccepted: true, signaturePng: `data:image/png;base64,${signedPng().toString('base64')}`,
  });

  it('lets the employee sign the version in force once, refuses a superseded one, and shows HR who has not signed', async () => {
    const [old, current] = await t.db.companyRule.findMany({ orderBy: { version: 'asc' } });
    const view = await request.get(`/api/v1/declarations/company-rule-acknowledgement/${current!.id}`).set(asSigner);
    expect([view.status, view.body.canSign, view.body.content.paragraphs.join('')]).toEqual([200, true, expect.stringContaining('第 2 版')]);
    const stale = await request.post('/api/v1/signatures').set(asSigner).send(body(old!.id));
    expect([stale.status, stale.body.error.message]).toEqual([409, '该版本已被新版本取代，请签收现行版本，无需签署']);

    const signed = await request.post('/api/v1/signatures').set(asSigner).send(body(current!.id));
    expect(signed.status).toBe(201);
    expect((await request.post('/api/v1/signatures').set(asSigner).send(body(current!.id))).status).toBe(409);
    const entry = await t.db.evidenceEntry.findFirstOrThrow({ where: { type: 'signature', subjectType: 'company_rule', subjectId: current!.id } });
    expect(entry.employeeId).toBe(signer.employee.id);

    const acks = await request.get(`/api/v1/company-rules/${current!.id}/acknowledgements`).set(asHr);
    expect(acks.status).toBe(200);
    expect(acks.body.acknowledged).toBe(1);
    const byName = Object.fromEntries((acks.body.employees as { name: string; acknowledged: boolean }[]).map((e) => [e.name, e.acknowledged]));
    expect(byName).toMatchObject({ 赵六: true, 钱七: false, 李人事: false });
    expect((acks.body.employees as { acknowledged: boolean }[])[0]!.acknowledged).toBe(false);
    expect((await request.get(`/api/v1/company-rules/${current!.id}/acknowledgements`).set(asOther)).status).toBe(403);
    const mine = (await request.get('/api/v1/company-rules').set(asSigner)).body.rules as { acknowledgedAt: string | null }[];
    expect(mine[0]!.acknowledgedAt).not.toBeNull();
  });
});
