// Signing a declaration against a real database: identity, intent, a drawn signature, one
// signature per subject, and a PDF whose hash is the stored file's and the ledger's.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { getDeclaration } from '../../src/services/signatures/get-declaration.ts';
import { getSignedDocument } from '../../src/services/signatures/get-signed-document.ts';
import { listMySignatures } from '../../src/services/signatures/list-my-signatures.ts';
import { signDeclaration, type SignDeclarationOptions } from '../../src/services/signatures/sign-declaration.ts';
import { makeActor } from '../helpers/factories.ts';
import { blankPng, signedPng } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
const signer = await makeActor(t.deps, ['EMPLOYEE'], { name: '李四' });
const other = await makeActor(t.deps, ['EMPLOYEE']);
const hr = await makeActor(t.deps, ['HR_MANAGER']);
const exceptionOf = (employeeId: string, kind: 'RETIRED_REHIRE' | 'WAIVER_REQUEST' | 'DUAL_EMPLOYMENT' = 'RETIRED_REHIRE', status: 'DRAFT' | 'WITHDRAWN' = 'DRAFT') =>
  t.db.insuranceException.create({ data: { employeeId, kind, reasonCategory: kind === 'WAIVER_REQUEST' ? 'PREFER_CASH' : 'RETIRED_PENSIONER', status } });
const exception = await exceptionOf(signer.employee.id);

const options = (over: Partial<SignDeclarationOptions> = {}): SignDeclarationOptions => ({
  actor: { ...signer.actor, ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (iPhone) wxwork/4.1' }, platform: 'wecom',
  template: 'insurance-exception-declaration', subjectId: exception.id, typedName: ' 李四 ', statementAccepted: true, signaturePng: signedPng(), ...over,
});
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { status: number; message: string });

describe('signDeclaration', () => {
  it('refuses a wrong name, an unticked statement, a blank pad, someone else\'s subject and HR, storing nothing', async () => {
    expect((await failure(signDeclaration(t.deps, options({ typedName: '李思' }))))?.message).toBe('请输入与本人姓名一致的姓名');
    expect((await failure(signDeclaration(t.deps, options({ statementAccepted: false }))))?.message).toContain('勾选');
    expect((await failure(signDeclaration(t.deps, options({ signaturePng: blankPng() }))))?.message).toBe('请先手写签名');
    expect((await failure(signDeclaration(t.deps, options({ actor: other.actor }))))?.status).toBe(403);
    expect((await failure(signDeclaration(t.deps, options({ actor: hr.actor }))))?.status).toBe(403);
    expect((await failure(signDeclaration(t.deps, options({ template: 'no-such-template' }))))?.status).toBe(404);
    const withdrawn = await exceptionOf(signer.employee.id, 'RETIRED_REHIRE', 'WITHDRAWN');
    expect((await failure(signDeclaration(t.deps, options({ subjectId: withdrawn.id }))))?.message).toContain('已撤回');
    expect([await t.db.signature.count(), await t.db.evidenceEntry.count(), await t.db.storedFile.count()]).toEqual([0, 0, 0]);
  });

  it('signs once: PDF hash = stored file = ledger payload, evidence index and audit recorded; a double tap gets 409', async () => {
    const results = await Promise.allSettled([signDeclaration(t.deps, options()), signDeclaration(t.deps, options())]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(rejected.map((r) => [(r.reason as { status: number }).status, (r.reason as Error).message.slice(0, 3)])).toEqual([[409, '已签署']]);
    const { signatureId, documentSha256, evidenceIndex } = (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof signDeclaration>>>).value;
    const row = await t.db.signature.findUniqueOrThrow({ where: { id: signatureId } });
    expect(row).toMatchObject({ typedName: '李四', template: 'insurance-exception-declaration@2', platform: 'wecom', ip: '203.0.113.9', evidenceIndex, documentSha256 });
    const pdf = await t.deps.files.get(documentSha256);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(documentSha256);
    expect(await t.db.storedFile.findUnique({ where: { sha256: documentSha256 } })).toMatchObject({ mediaType: 'application/pdf' });
    expect(await t.db.storedFile.findUnique({ where: { sha256: row.signatureSha256 } })).toMatchObject({ mediaType: 'image/png' });
    const entry = await t.db.evidenceEntry.findUniqueOrThrow({ where: { index: evidenceIndex } });
    expect(entry).toMatchObject({ type: 'signature', payloadHash: documentSha256, subjectId: exception.id, employeeId: signer.employee.id });
    expect(entry.metadata).toMatchObject({ signatureId, typedName: '李四', platform: 'wecom', signatureSha256: row.signatureSha256 });
    expect(await t.db.auditEvent.count({ where: { type: 'declaration.signed' } })).toBe(1);
    expect((await PDFDocument.load(pdf)).getCreationDate()?.toISOString()).toBe('2026-03-15T02:00:00.000Z');

    const view = await getDeclaration(t.deps, { actor: signer.actor, template: 'insurance-exception-declaration', subjectId: exception.id });
    expect([view.canSign, view.signed?.signatureId]).toEqual([false, signatureId]);
    expect((await getSignedDocument(t.deps, { actor: signer.actor, signatureId })).bytes.equals(pdf)).toBe(true);
    expect((await getSignedDocument(t.deps, { actor: hr.actor, signatureId })).fileName).toBe('社会保险例外情形声明-李四.pdf');
    expect((await failure(getSignedDocument(t.deps, { actor: other.actor, signatureId })))?.status).toBe(404);
    expect((await listMySignatures(t.deps, { actor: signer.actor })).map((s) => s.id)).toEqual([signatureId]);
    expect(await listMySignatures(t.deps, { actor: other.actor })).toEqual([]);
  });
});

describe('getDeclaration', () => {
  it('states plainly that a waiver is void and that work-injury insurance is paid in every case', async () => {
    const waiver = await exceptionOf(signer.employee.id, 'WAIVER_REQUEST');
    const view = await getDeclaration(t.deps, { actor: signer.actor, template: 'insurance-exception-declaration', subjectId: waiver.id });
    const text = view.content.paragraphs.join('\n');
    expect(text).toContain('根据《最高人民法院关于审理劳动争议案件适用法律问题的解释（二）》（法释〔2025〕12号）第十九条，劳动者与用人单位约定或者承诺不缴纳社会保险费的，该约定或承诺无效；本声明不免除公司依法缴纳社会保险的义务。');
    expect(text).toContain('工伤保险由公司依法缴纳（《工伤保险条例》第二条、第六十二条）');
    expect(text).toContain('希望以现金补贴代替');
    expect(view.canSign).toBe(true);
    const dual = await exceptionOf(signer.employee.id, 'DUAL_EMPLOYMENT');
    const dualText = (await getDeclaration(t.deps, { actor: hr.actor, template: 'insurance-exception-declaration', subjectId: dual.id })).content.paragraphs.join('');
    expect(dualText).toContain('本人与原单位保留劳动关系');
    expect((await failure(getDeclaration(t.deps, { actor: other.actor, template: 'insurance-exception-declaration', subjectId: dual.id })))?.status).toBe(404);
  });
});
