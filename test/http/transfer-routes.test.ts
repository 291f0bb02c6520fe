// The pension transfer endpoints through the real HTTP stack: HR starts a case and records steps;
// other roles, malformed ids and bodies, out-of-order steps and future days are refused with a
// Chinese message and change nothing; the same done call twice changes nothing.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const now = new Date('2026-10-23T02:00:00.000Z');
const t = await createTestDb({ now: () => now });
const { request } = createTestApp(t);
const headers: Record<string, Record<string, string>> = {};
let employeeId = '';
let transferId = '';
const snapshot = async () => JSON.stringify([await t.db.pensionTransfer.findMany({ orderBy: { id: 'asc' } }), await t.db.pensionTransferStep.findMany({ orderBy: { id: 'asc' } })]);

beforeAll(async () => {
  const hr = await makeActor(t.deps, ['HR_MANAGER'], { name: '赵经理' });
  const finance = await makeActor(t.deps, ['FINANCE'], { name: '钱财务' });
  employeeId = (await makeEmployee(t.deps, { name: '张三' })).id;
  for (const [key, id] of Object.entries({ hr: hr.employee.id, finance: finance.employee.id })) {
    const { token } = await createSession(t.deps, { employeeId: id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}`, 'User-Agent': 'wxwork/4.1' };
  }
});

describe('transfer routes', () => {
  it('refuses a role without HR rights and malformed bodies', async () => {
    const body = { employeeId, fromCity: '长沙', toCity: '上海', direction: 'INTO', startedOn: '2026-09-24' };
    const wrongRole = await request.post('/api/v1/transfers').set(headers.finance!).send(body);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.message).toContain('不能办理养老保险关系转移接续');
    for (const bad of [{ ...body, startedOn: '2026-02-30' }, { ...body, direction: 'SIDEWAYS' }, { ...body, fromCity: '' }, { ...body, employeeId: 'x' }, { ...body, extra: 1 }]) {
      const res = await request.post('/api/v1/transfers').set(headers.hr!).send(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await request.get('/api/v1/transfers').set(headers.finance!)).status).toBe(403);
    expect(await t.db.pensionTransfer.count()).toBe(0);
  });

  it('starts a case and answers it with its due days (started Thursday 2026-09-24 → step 2 due 2026-10-22)', async () => {
    const res = await request.post('/api/v1/transfers').set(headers.hr!).send({ employeeId, fromCity: '长沙', toCity: '上海', direction: 'INTO', startedOn: '2026-09-24' });
    expect(res.status).toBe(201);
    transferId = res.body.id;
    expect(res.body.steps.map((s: { dueOn: string; state: string }) => [s.dueOn, s.state])).toEqual([['2026-09-24', 'done'], ['2026-10-22', 'overdue'], ['2026-11-12', 'waiting'], ['2026-12-03', 'waiting']]);
    expect((await request.get(`/api/v1/transfers/${transferId}`).set(headers.hr!)).body).toEqual(res.body);
    expect((await request.get('/api/v1/transfers?state=OPEN').set(headers.hr!)).body.transfers).toHaveLength(1);
    expect((await request.get('/api/v1/transfers/not-a-uuid').set(headers.hr!)).status).toBe(400);
  });

  it('refuses out-of-order steps, future days and bad step numbers, changing nothing', async () => {
    const before = await snapshot();
    const cases: [string, unknown, number, string][] = [
      ['3', { doneOn: '2026-10-20' }, 400, '请先标记第2步'],
      ['2', { doneOn: '2026-10-24' }, 400, '不能晚于今天'],
      ['2', { doneOn: '2026-09-23' }, 400, '不能早于第1步'],
      ['1', { doneOn: '2026-09-24' }, 400, '无需再标记'],
      ['5', { doneOn: '2026-10-20' }, 400, '第1至第4步'],
      ['two', { doneOn: '2026-10-20' }, 400, '步骤'],
      ['2', { doneOn: '20.10.2026' }, 400, '2026-03-02'],
      ['2', {}, 400, ''],
    ];
    for (const [n, body, status, message] of cases) {
      const res = await request.post(`/api/v1/transfers/${transferId}/steps/${n}/done`).set(headers.hr!).send(body as object);
      expect([n, res.status]).toEqual([n, status]);
      expect(JSON.stringify(res.body.error)).toContain(message);
    }
    expect((await request.post(`/api/v1/transfers/${transferId}/steps/2/done`).set(headers.finance!).send({ doneOn: '2026-10-20' })).status).toBe(403);
    expect((await request.post('/api/v1/transfers/5b0a3c3e-58f4-4d3f-9d8e-2f1f3d1f0c11/steps/2/done').set(headers.hr!).send({ doneOn: '2026-10-20' })).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('records step 2; replaying the same call changes nothing; another day is a conflict', async () => {
    const first = await request.post(`/api/v1/transfers/${transferId}/steps/2/done`).set(headers.hr!).send({ doneOn: '2026-10-20' });
    expect(first.status).toBe(200);
    expect(first.body.steps[1]).toMatchObject({ doneOn: '2026-10-20', doneByName: '赵经理', state: 'done' });
    expect(first.body.steps[2]).toMatchObject({ dueOn: '2026-11-10', state: 'due' });
    const after = await snapshot();
    const audits = await t.db.auditEvent.count();
    const replay = await request.post(`/api/v1/transfers/${transferId}/steps/2/done`).set(headers.hr!).send({ doneOn: '2026-10-20' });
    expect([replay.status, replay.body]).toEqual([200, first.body]);
    expect(await snapshot()).toBe(after);
    expect(await t.db.auditEvent.count()).toBe(audits);
    const other = await request.post(`/api/v1/transfers/${transferId}/steps/2/done`).set(headers.hr!).send({ doneOn: '2026-10-21' });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain('已于 2026-10-20 办结');
  });

  it('renders the prefilled application form once, ledgers it under the employee and serves it to HR only', async () => {
    expect((await request.get(`/api/v1/transfers/${transferId}/application`).set(headers.hr!)).status).toBe(404);
    expect((await request.post(`/api/v1/transfers/${transferId}/application`).set(headers.finance!)).status).toBe(403);
    const first = await request.post(`/api/v1/transfers/${transferId}/application`).set(headers.hr!);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = await request.post(`/api/v1/transfers/${transferId}/application`).set(headers.hr!);
    expect(again.body).toEqual({ ...first.body, created: false });
    const entries = await t.db.evidenceEntry.findMany({ where: { type: 'transfer.application' } });
    expect(entries.map((e) => [e.subjectType, e.subjectId, e.employeeId])).toEqual([['employee', employeeId, employeeId]]);
    const pdf = await request.get(`/api/v1/transfers/${transferId}/application`).set(headers.hr!).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.body as Buffer).digest('hex')).toBe(first.body.documentSha256);
    expect((await request.get(`/api/v1/transfers/${transferId}/application`).set(headers.finance!)).status).toBe(403);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await request.get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/transfers', '/transfers/{id}', '/transfers/{id}/steps/{n}/done']));
  });
});
