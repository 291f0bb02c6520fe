// Stored files on S3 (FILE_STORE_URL, s3rver on loopback) through the real HTTP stack: a proof
// uploaded over the API lands in the bucket and reads back (download, ledger verification, the
// evidence pack); a missing object answers exactly as a missing local file does; with the object
// store down an upload is a retryable 503 and leaves nothing in the database.
import { describe, expect, it } from 'vitest';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { buildEvidencePack } from '../../src/services/evidence/build-evidence-pack.ts';
import { readPackZip } from '../../src/services/evidence/read-pack-zip.ts';
import { verifyEvidencePack } from '../../src/services/evidence/verify-evidence-pack.ts';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { makeActor } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { startTestS3Server } from '../helpers/s3-server.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const s3 = await startTestS3Server();
const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
const bucket = s3.store('tenant-a');
const onS3: ServiceDeps = { ...t.deps, files: bucket };
const { request } = createTestApp({ ...t, deps: onS3 }, s3.env);
const local = createTestApp(t);
const owner = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵六' });
const hr = await makeActor(t.deps, ['HR_SPECIALIST']);
const bearer = async (employeeId: string) => ({ Authorization: `Bearer ${(await createSession(t.deps, { employeeId, platform: 'dingtalk', method: 'test' })).token}` });
const [asOwner, asHr] = await Promise.all([bearer(owner.employee.id), bearer(hr.employee.id)]);
const counts = () => Promise.all([t.db.proof.count(), t.db.storedFile.count(), t.db.evidenceEntry.count(), t.db.auditEvent.count()]);
const upload = (app: typeof request, bytes: Buffer) => app.post('/api/v1/proofs').set(asOwner).field('kind', 'OTHER').attach('file', bytes, { filename: '缴费记录.pdf' });

describe('stored files on S3 over HTTP', () => {
  it('stores an uploaded proof in the bucket; download, ledger verification and the evidence pack read it back', async () => {
    const bytes = pdfBytes();
    const res = await upload(request, bytes);
    expect(res.status).toBe(201);
    const proof = await t.db.proof.findUniqueOrThrow({ where: { id: res.body.proofId as string } });
    expect(await bucket.has(proof.fileSha256)).toBe(true);
    expect(await t.deps.files.has(proof.fileSha256)).toBe(false);

    const download = await request.get(`/api/v1/proofs/${proof.id}/file`).set(asOwner).buffer(true);
    expect([download.status, download.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(download.body as Buffer).equals(bytes)).toBe(true);

    expect(await verifyLedger(onS3)).toMatchObject({ ok: true });
    const pack = await buildEvidencePack(onS3, { scope: { kind: 'employee', employeeId: owner.employee.id }, actor: hr.actor });
    const verdict = await verifyEvidencePack(pack.zip, { publicKeyPem: onS3.ledgerKey.publicKeyPem });
    expect(verdict.reasons.filter((r) => r.startsWith('❌'))).toEqual([]);
    expect(verdict.authentic).toBe(true);
    const inPack = [...(await readPackZip(pack.zip)).entries()].filter(([name]) => name.startsWith('proofs-files/'));
    expect(inPack.map(([, b]) => b.equals(bytes))).toEqual([true]);
  });

  it('answers a proof whose object is gone exactly as it answers a missing local file', async () => {
    const bytes = Buffer.concat([pdfBytes(), Buffer.from('\n% missing\n')]);
    const [onBucket, onDisk] = [await upload(request, bytes), await upload(local.request, bytes)];
    expect([onBucket.status, onDisk.status]).toEqual([201, 201]);
    const sha = (await t.db.proof.findUniqueOrThrow({ where: { id: onBucket.body.proofId as string } })).fileSha256;
    await bucket.delete(sha);
    await t.deps.files.delete(sha);
    const fromBucket = await request.get(`/api/v1/proofs/${onBucket.body.proofId as string}/file`).set(asHr);
    const fromDisk = await local.request.get(`/api/v1/proofs/${onDisk.body.proofId as string}/file`).set(asHr);
    expect(fromBucket.status).toBe(404);
    expect([fromBucket.status, fromBucket.body]).toEqual([fromDisk.status, fromDisk.body]);
  });

  it('with the object store down, an upload is a retryable 503 that leaves nothing in the database', async () => {
    const before = await counts();
    await s3.stop();
    try {
      const res = await upload(request, Buffer.concat([pdfBytes(), Buffer.from('\n% during the outage\n')]));
      expect([res.status, res.body.error]).toEqual([503, { code: 'service_unavailable', message: '文件存储暂时无法访问，请稍后重试' }]);
      expect(await counts()).toEqual(before);
    } finally {
      await s3.start();
    }
    expect((await upload(request, Buffer.concat([pdfBytes(), Buffer.from('\n% after\n')]))).status).toBe(201);
  });
});
