// The public verify endpoint (anyone holding a document or a pack may check it, no account) and
// the role-guarded pack download, through the real HTTP stack.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { DECLARATION_PDF, seedPackLedger } from '../evidence/pack-fixture.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);
const seeded = await seedPackLedger(t.deps);
const stranger = await makeActor(t.deps, ['EMPLOYEE']);
const bearer = async (employeeId: string) => ({ Authorization: `Bearer ${(await createSession(t.deps, { employeeId, platform: 'sandbox', method: 'test' })).token}` });
const [asOwner, asStranger, asHr] = await Promise.all([bearer(seeded.employee.id), bearer(stranger.employee.id), bearer(seeded.hr.id)]);

const download = (query: string, headers: Record<string, string>) =>
  request.get(`/api/v1/evidence/packs?${query}`).set(headers).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('GET /api/v1/evidence/packs', () => {
  it('gives HR the pack of any employee as a zip download', async () => {
    const res = await download(`employeeId=${seeded.employee.id}`, asHr);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="evidence-employee-.*\.zip"$/);
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('gives an employee their own pack and refuses someone else\'s with 403', async () => {
    expect((await download(`employeeId=${seeded.employee.id}`, asOwner)).status).toBe(200);
    const res = await request.get(`/api/v1/evidence/packs?employeeId=${seeded.employee.id}`).set(asStranger);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('你只能导出自己的证据包');
  });

  it('refuses callers without a session, and a query that names no scope', async () => {
    expect((await request.get(`/api/v1/evidence/packs?employeeId=${seeded.employee.id}`)).status).toBe(401);
    const res = await request.get('/api/v1/evidence/packs').set(auth);
    expect([res.status, res.body.error.message]).toEqual([400, '请选择一名员工（员工的证据包）或一个案件（案件的证据包），二者只选其一']);
    expect((await request.get('/api/v1/evidence/packs?employeeId=nope').set(auth)).status).toBe(400);
  });

  it('exports a case for HR', async () => {
    const res = await download(`subjectType=insurance_exception&subjectId=${seeded.exceptionId}`, asHr);
    expect([res.status, res.headers['x-evidence-entries']]).toEqual([200, '3']);
  });
});

describe('POST /api/v1/evidence/verify (public)', () => {
  it('confirms a genuine PDF without any login', async () => {
    const res = await request.post('/api/v1/evidence/verify').attach('file', DECLARATION_PDF, { filename: '声明.pdf' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'document', authentic: true, entries: [{ index: 0, type: 'signature', subjectType: 'insurance_exception' }] });
    expect(res.body.reasons.join('\n')).toContain('包含在签名树中');
    expect(res.body.reasons.join('\n')).toContain('签署的声明');
    expect(res.body.reasons.join('\n')).not.toContain('signature');
  });

  it('says an altered PDF is not in the ledger, and why', async () => {
    const altered = Buffer.from(DECLARATION_PDF);
    altered[20] = (altered[20] as number) ^ 0x01;
    const res = await request.post('/api/v1/evidence/verify').attach('file', altered, { filename: '声明.pdf' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'document', authentic: false, entries: [] });
    expect(res.body.reasons[0]).toContain('哪怕只改一个字节');
  });

  it('says a file that is neither a PDF nor an evidence pack is not one, instead of 可能被改动过', async () => {
    const res = await request.post('/api/v1/evidence/verify').attach('file', Buffer.from('就是一段文字，不是文件'), { filename: 'notes.txt' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'document', authentic: false, recognised: false, entries: [] });
    expect(res.body.reasons).toEqual([expect.stringContaining('不是 PDF')]);
    expect(res.body.reasons[0]).not.toContain('改动');
  });

  it('verifies a pack against the company key (keyTrusted)', async () => {
    const pack = (await download(`employeeId=${seeded.employee.id}`, asHr)).body as Buffer;
    const res = await request.post('/api/v1/evidence/verify').attach('file', pack, { filename: 'pack.zip' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'pack', authentic: true, keyTrusted: true, entries: 3 });
  });

  it('answers garbage with 400 and a clear message', async () => {
    const brokenZip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('garbage garbage')]);
    const res = await request.post('/api/v1/evidence/verify').attach('file', brokenZip, { filename: 'x.zip' });
    expect([res.status, res.body.error.message]).toEqual([400, expect.stringContaining('不是有效的 zip 证据包')]);
    const empty = await request.post('/api/v1/evidence/verify').attach('file', Buffer.alloc(0), { filename: 'empty.pdf' });
    expect([empty.status, empty.body.error.message]).toEqual([400, '上传的文件是空的']);
    const json = await request.post('/api/v1/evidence/verify').send({ file: 'x' });
    expect(json.status).toBe(415);
    const none = await request.post('/api/v1/evidence/verify').field('other', 'x');
    expect(none.status).toBe(400);
  });

  it('refuses a file over 50 MB with 413', async () => {
    const res = await request.post('/api/v1/evidence/verify').attach('file', Buffer.alloc(50 * 1024 * 1024 + 1), { filename: 'big.pdf' });
    expect(res.status).toBe(413);
  });
});

describe('openapi.json', () => {
  it('documents the pack download (with a session) and the public verify upload', async () => {
    const res = await request.get('/api/v1/openapi.json');
    const verify = res.body.paths['/evidence/verify'].post;
    expect(verify.security).toBeUndefined();
    expect(Object.keys(verify.requestBody.content)).toEqual(['multipart/form-data']);
    expect(res.body.paths['/evidence/packs'].get.security).toBeDefined();
  });
});
