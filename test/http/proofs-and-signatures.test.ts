// Proof uploads and signatures through the real HTTP stack: content sniffing at the boundary
// (an .exe named .pdf is 415 and leaves nothing behind), size limits, roles and download ACLs.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { blankPng, exeBytes, pdfBytes, signedPng } from '../helpers/make-png.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
const { request, auth } = createTestApp(t);
const owner = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵六' });
const other = await makeActor(t.deps, ['EMPLOYEE']);
const hr = await makeActor(t.deps, ['HR_SPECIALIST']);
const bearer = async (employeeId: string) => ({ Authorization: `Bearer ${(await createSession(t.deps, { employeeId, platform: 'dingtalk', method: 'test' })).token}` });
const [asOwner, asOther, asHr] = await Promise.all([bearer(owner.employee.id), bearer(other.employee.id), bearer(hr.employee.id)]);
const exception = await t.db.insuranceException.create({ data: { employeeId: owner.employee.id, kind: 'DUAL_EMPLOYMENT', reasonCategory: 'OTHER_EMPLOYER_PAYS', status: 'DRAFT' } });
const counts = () => Promise.all([t.db.proof.count(), t.db.storedFile.count(), t.db.evidenceEntry.count()]);

describe('POST /api/v1/proofs', () => {
  it('refuses an .exe renamed .pdf with 415 and stores nothing', async () => {
    const before = await counts();
    const res = await request.post('/api/v1/proofs').set(asOwner).field('kind', 'OTHER_EMPLOYER_CONTRIBUTIONS')
      .attach('file', exeBytes(), { filename: '缴费记录.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe('文件类型不支持：只接受 PDF、JPG、PNG（按文件内容判断，而非扩展名）');
    expect(await counts()).toEqual(before);
    expect(await t.deps.files.has(createHash('sha256').update(exeBytes()).digest('hex'))).toBe(false);
  });

  it('refuses a pension certificate without the separate consent (《个人信息保护法》第二十九条), and records the consent given', async () => {
    const before = await counts();
    for (const consent of [undefined, 'false']) {
      const req = request.post('/api/v1/proofs').set(asOwner).field('kind', 'PENSION_CERTIFICATE');
      const res = await (consent ? req.field('consent', consent) : req).attach('file', pdfBytes(), { filename: '退休证.pdf' });
      expect([res.status, res.body.error.message]).toEqual([400, '上传「退休证或养老金领取证明」前须单独同意处理这些个人信息（《个人信息保护法》第二十九条），请勾选同意后再上传']);
    }
    expect(await counts()).toEqual(before);
    const ok = await request.post('/api/v1/proofs').set(asOwner).field('kind', 'PENSION_CERTIFICATE').field('consent', 'true').attach('file', pdfBytes(), { filename: '退休证.pdf' });
    expect(ok.status).toBe(201);
    const entry = await t.db.evidenceEntry.findFirstOrThrow({ where: { type: 'proof', metadata: { path: ['proofId'], equals: ok.body.proofId } } });
    expect(entry.metadata).toMatchObject({ consent: { text: expect.stringContaining('第二十九条'), at: expect.any(String) } });
  });

  it('refuses a file over 10 MB with 413', async () => {
    const res = await request.post('/api/v1/proofs').set(asOwner).field('kind', 'OTHER')
      .attach('file', Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]), { filename: 'big.pdf' });
    expect([res.status, res.body.error.message]).toEqual([413, '文件过大：不超过 10 MB']);
  });

  it('stores a PDF for the signed-in employee, lets them and HR download it, and hides it from others', async () => {
    const res = await request.post('/api/v1/proofs').set(asOwner).field('kind', 'OTHER_EMPLOYER_CONTRIBUTIONS').field('consent', 'true').field('exceptionId', exception.id).field('coversMonth', '2026-02')
      .attach('file', pdfBytes(), { filename: '原单位缴费记录.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    const { proofId } = res.body as { proofId: string };
    const proof = await t.db.proof.findUniqueOrThrow({ where: { id: proofId } });
    expect([proof.mediaType, proof.fileName, proof.employeeId]).toEqual(['application/pdf', '原单位缴费记录.png', owner.employee.id]);

    const mine = await request.get(`/api/v1/proofs/${proofId}/file`).set(asOwner).buffer(true);
    expect([mine.status, mine.headers['content-type'], mine.headers['x-content-type-options']]).toEqual([200, 'application/pdf', 'nosniff']);
    expect(mine.headers['content-disposition']).toContain("inline; filename*=UTF-8''");
    expect((await request.get(`/api/v1/proofs/${proofId}/file?download=1`).set(asHr)).headers['content-disposition']).toMatch(/^attachment/);
    expect((await request.get(`/api/v1/proofs/${proofId}/file`).set(asOther)).status).toBe(404);
    expect((await request.get(`/api/v1/proofs?exceptionId=${exception.id}`).set(asHr)).body).toHaveLength(1);
    expect((await request.get('/api/v1/proofs').set(asOther)).body).toEqual([]);
  });

  it('lets HR upload for an employee but not an employee for someone else; the admin token is no uploader', async () => {
    const forOwner = await request.post('/api/v1/proofs').set(asHr).field('kind', 'OTHER').field('employeeId', owner.employee.id).attach('file', pdfBytes(), 'a.pdf');
    expect(forOwner.status).toBe(201);
    const forbidden = await request.post('/api/v1/proofs').set(asOther).field('kind', 'OTHER').field('employeeId', owner.employee.id).attach('file', pdfBytes(), 'a.pdf');
    expect(forbidden.status).toBe(403);
    expect((await request.post('/api/v1/proofs').set(auth).field('kind', 'OTHER').attach('file', pdfBytes(), 'a.pdf')).status).toBe(403);
    expect((await request.post('/api/v1/proofs').field('kind', 'OTHER').attach('file', pdfBytes(), 'a.pdf')).status).toBe(401);
    expect((await request.post('/api/v1/proofs').set(asOwner).send({ kind: 'OTHER' })).status).toBe(415);
  });
});

describe('signatures over HTTP', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    template: 'insurance-exception-declaration', subjectId: exception.id, typedName: '赵六', statementAccepted: true,
    signaturePng: `data:image/png;base64,${signedPng().toString('base64')}`, ...over,
  });

  it('shows the declaration to the employee and HR only', async () => {
    const path = `/api/v1/declarations/insurance-exception-declaration/${exception.id}`;
    const res = await request.get(path).set(asOwner);
    expect([res.status, res.body.canSign, res.body.content.paragraphs.join('')]).toEqual([200, true, expect.stringContaining('原单位仍为本人缴纳社会保险')]);
    expect((await request.get(path).set(asHr)).body.canSign).toBe(false);
    expect((await request.get(path).set(asOther)).status).toBe(404);
  });

  it('refuses HR, the admin token, a blank pad and a non-PNG data URL; then signs once and serves the PDF to the signer', async () => {
    expect((await request.post('/api/v1/signatures').set(asHr).send(body())).status).toBe(403);
    expect((await request.post('/api/v1/signatures').set(auth).send(body())).status).toBe(403);
    const blank = await request.post('/api/v1/signatures').set(asOwner).send(body({ signaturePng: `data:image/png;base64,${blankPng().toString('base64')}` }));
    expect([blank.status, blank.body.error.message]).toEqual([400, '请先手写签名']);
    expect((await request.post('/api/v1/signatures').set(asOwner).send(body({ signaturePng: `data:image/jpeg;base64,${pdfBytes().toString('base64')}` }))).status).toBe(400);
    expect(await t.db.signature.count()).toBe(0);

    const signed = await request.post('/api/v1/signatures').set({ ...asOwner, 'User-Agent': 'DingTalk/7.0 (iPhone)' }).send(body());
    expect(signed.status).toBe(201);
    const row = await t.db.signature.findUniqueOrThrow({ where: { id: signed.body.signatureId } });
    expect([row.platform, row.userAgent, row.ip]).toEqual(['dingtalk', 'DingTalk/7.0 (iPhone)', expect.stringMatching(/127\.0\.0\.1|::1/)]);
    expect((await request.post('/api/v1/signatures').set(asOwner).send(body())).status).toBe(409);

    const doc = await request.get(`/api/v1/signatures/${row.id}/document`).set(asOwner).buffer(true);
    expect([doc.status, doc.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await request.get(`/api/v1/signatures/${row.id}/document`).set(asOther)).status).toBe(404);
    expect((await request.get('/api/v1/signatures').set(asOwner)).body.map((s: { id: string }) => s.id)).toEqual([row.id]);
  });
});
