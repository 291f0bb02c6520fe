// Proof uploads against a real database: who may upload and read, the content check, and the
// evidence entry that cites the stored file.
import { describe, expect, it } from 'vitest';
import { uploadProof } from '../../src/services/proofs/upload-proof.ts';
import { getProofFile } from '../../src/services/proofs/get-proof-file.ts';
import { listProofs } from '../../src/services/proofs/list-proofs.ts';
import { MAX_PROOF_BYTES } from '../../src/domain/files/sniff-file-type.ts';
import { makeActor } from '../helpers/factories.ts';
import { exeBytes, jpegBytes, pdfBytes } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
const owner = await makeActor(t.deps, ['EMPLOYEE'], { name: '王小二' });
const other = await makeActor(t.deps, ['EMPLOYEE']);
const hr = await makeActor(t.deps, ['HR_SPECIALIST']);
const exception = await t.db.insuranceException.create({ data: { employeeId: owner.employee.id, kind: 'RETIRED_REHIRE', reasonCategory: 'RETIRED_PENSIONER', status: 'DRAFT' } });
const othersException = await t.db.insuranceException.create({ data: { employeeId: other.employee.id, kind: 'RETIRED_REHIRE', reasonCategory: 'RETIRED_PENSIONER', status: 'DRAFT' } });

const base = { employeeId: owner.employee.id, kind: 'PENSION_CERTIFICATE', fileName: '退休证.pdf', bytes: pdfBytes(), consent: true };
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { status: number; message: string });

describe('uploadProof', () => {
  it('stores an own proof, ledgers the file hash, records the upload and serves it back', async () => {
    const { proofId, sha256, evidenceIndex } = await uploadProof(t.deps, { ...base, actor: { ...owner.actor, ip: '198.51.100.4', userAgent: 'Phone/1' }, exceptionId: exception.id, coversMonth: '2026-02' });
    const proof = await t.db.proof.findUniqueOrThrow({ where: { id: proofId } });
    expect(proof).toMatchObject({ fileSha256: sha256, mediaType: 'application/pdf', evidenceIndex, coversMonth: '2026-02', ip: '198.51.100.4', userAgent: 'Phone/1', exceptionId: exception.id });
    const entry = await t.db.evidenceEntry.findUniqueOrThrow({ where: { index: evidenceIndex } });
    expect(entry).toMatchObject({ type: 'proof', subjectType: 'insurance_exception', subjectId: exception.id, payloadHash: sha256 });
    expect(await t.db.storedFile.findUnique({ where: { sha256 } })).toMatchObject({ mediaType: 'application/pdf', size: pdfBytes().length });
    expect(await t.db.treeHead.count({ where: { size: { gt: evidenceIndex } } })).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'proof.uploaded' } });
    expect(audit.data).toMatchObject({ proofId, sha256, kind: 'PENSION_CERTIFICATE' });
    const file = await getProofFile(t.deps, { actor: owner.actor, proofId });
    expect(file.bytes.equals(pdfBytes())).toBe(true);
    expect(await t.db.auditEvent.count({ where: { type: 'proof.read' } })).toBe(0);
  });

  it('lets HR upload for an employee and read any proof, auditing each read', async () => {
    const { proofId } = await uploadProof(t.deps, { ...base, actor: hr.actor, bytes: jpegBytes(), fileName: 'scan.pdf' });
    const proof = await t.db.proof.findUniqueOrThrow({ where: { id: proofId } });
    expect([proof.mediaType, proof.uploadedById, proof.employeeId]).toEqual(['image/jpeg', hr.employee.id, owner.employee.id]);
    await getProofFile(t.deps, { actor: hr.actor, proofId });
    const read = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'proof.read' } });
    expect([read.data, read.subjectId]).toEqual([{ proofId }, owner.employee.id]);
    expect((await listProofs(t.deps, { actor: hr.actor, employeeId: owner.employee.id })).length).toBe(2);
  });

  it('hides a proof from another employee behind the same 404 as an unknown id', async () => {
    const [proof] = await listProofs(t.deps, { actor: owner.actor });
    const hidden = await failure(getProofFile(t.deps, { actor: other.actor, proofId: proof?.id ?? '' }));
    const unknown = await failure(getProofFile(t.deps, { actor: other.actor, proofId: '00000000-0000-4000-8000-000000000000' }));
    expect([hidden?.status, hidden?.message]).toEqual([unknown?.status, unknown?.message]);
    expect(hidden?.status).toBe(404);
    expect(await listProofs(t.deps, { actor: other.actor })).toEqual([]);
    expect((await failure(listProofs(t.deps, { actor: other.actor, employeeId: owner.employee.id })))?.status).toBe(403);
  });

  it('refuses uploads for someone else, to another employee\'s exception, of the wrong type or size, changing nothing', async () => {
    const before = await Promise.all([t.db.proof.count(), t.db.evidenceEntry.count(), t.db.storedFile.count()]);
    expect((await failure(uploadProof(t.deps, { ...base, actor: other.actor })))?.status).toBe(403);
    expect((await failure(uploadProof(t.deps, { ...base, actor: owner.actor, exceptionId: othersException.id })))?.status).toBe(404);
    const exe = await failure(uploadProof(t.deps, { ...base, actor: owner.actor, bytes: exeBytes(), fileName: 'x.pdf' }));
    expect([exe?.status, exe?.message]).toEqual([415, '文件类型不支持：只接受 PDF、JPG、PNG（按文件内容判断，而非扩展名）']);
    expect((await failure(uploadProof(t.deps, { ...base, actor: owner.actor, bytes: Buffer.alloc(MAX_PROOF_BYTES + 1, 0x25) })))?.status).toBe(413);
    expect((await failure(uploadProof(t.deps, { ...base, actor: owner.actor, kind: 'SELFIE' })))?.status).toBe(400);
    expect((await failure(uploadProof(t.deps, { ...base, actor: owner.actor, coversMonth: '2026-04' })))?.message).toContain('晚于本月');
    expect((await failure(uploadProof(t.deps, { ...base, actor: owner.actor, coversMonth: '2026-13' })))?.status).toBe(400);
    // 《个人信息保护法》第二十九条: a pension certificate needs the separate consent.
    const noConsent = await failure(uploadProof(t.deps, { ...base, actor: owner.actor, consent: undefined }));
    expect([noConsent?.status, noConsent?.message]).toEqual([400, '上传「退休证或养老金领取证明」前须单独同意处理这些个人信息（《个人信息保护法》第二十九条），请勾选同意后再上传']);
    expect(await Promise.all([t.db.proof.count(), t.db.evidenceEntry.count(), t.db.storedFile.count()])).toEqual(before);
  });
});
