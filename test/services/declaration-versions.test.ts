// The insurance-exception declaration on the law in force (version 2): the pensioner's rests on
// 劳动合同法 第四十四条第（二）项 and 实施条例 第二十一条, never the repealed 劳动争议司法解释（一）
// 第三十二条第一款, and promises work injury only as the city allows or by employer's liability
// insurance. A declaration signed under version 1 keeps its version and text: it is still shown
// as signed, its PDF still downloads and verifies against the evidence ledger.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { declarationTemplates } from '../../src/documents/declaration-templates.ts';
import { renderDocumentPdf } from '../../src/documents/render-pdf.ts';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { appendEvidence } from '../../src/services/evidence/append-evidence.ts';
import { sealTreeHead } from '../../src/services/evidence/seal-tree-head.ts';
import { verifyDocument } from '../../src/services/evidence/verify-document.ts';
import { storeFile } from '../../src/services/files/store-file.ts';
import { getDeclaration } from '../../src/services/signatures/get-declaration.ts';
import { getSignedDocument } from '../../src/services/signatures/get-signed-document.ts';
import { signDeclaration } from '../../src/services/signatures/sign-declaration.ts';
import { makeActor } from '../helpers/factories.ts';
import { signedPng } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-11-20T02:00:00Z') });
const deps = t.deps;
const template = declarationTemplates['insurance-exception-declaration']!;
const TEMPLATE = 'insurance-exception-declaration';

/** A signature as the release before this one made it: its PDF rendered from version 1 and put in the ledger. */
async function signUnderVersion1(employeeId: string, name: string, subjectId: string): Promise<string> {
  const content = await template.load(deps, subjectId, employeeId, 1);
  const signedAt = new Date('2026-11-01T02:00:00Z');
  const pdf = await renderDocumentPdf({ ...content, footer: `${template.title}（模板 ${TEMPLATE}@1）`, signature: { png: signedPng(), typedName: name, signedAt, ip: null, userAgent: null, platform: 'sandbox', timeZone: deps.businessTz } });
  const id = randomUUID();
  await deps.db.$transaction(async (tx) => {
    const png = await storeFile(deps, tx, { bytes: signedPng(), mediaType: 'image/png' });
    const doc = await storeFile(deps, tx, { bytes: pdf, mediaType: 'application/pdf' });
    const { index } = await appendEvidence(tx, { type: 'signature', subjectType: 'insurance_exception', subjectId, employeeId, payload: { kind: 'file', sha256: doc.sha256, mediaType: 'application/pdf' }, metadata: { signatureId: id, template: `${TEMPLATE}@1` }, at: signedAt });
    await tx.signature.create({ data: { id, employeeId, template: `${TEMPLATE}@1`, subjectType: 'insurance_exception', subjectId, typedName: name, statement: template.statement, signatureSha256: png.sha256, documentSha256: doc.sha256, platform: 'sandbox', signedAt, evidenceIndex: index } });
  });
  await sealTreeHead(deps);
  return id;
}

describe('the insurance-exception declaration', () => {
  it('is signed under version 2, whose pensioner text cites the law in force and promises no more than the company can do', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '老陈', startDate: '2026-11-02' });
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    const view = await getDeclaration(deps, { actor: emp.actor, template: TEMPLATE, subjectId: exception.id });
    expect(view.template).toBe(`${TEMPLATE}@2`);
    const text = view.content.paragraphs.join('\n');
    for (const cited of ['《劳动合同法》第四十四条第（二）项', '《劳动合同法实施条例》第二十一条', '法释〔2025〕12号 第二十一条', '雇主责任险']) expect(text).toContain(cited);
    expect(text).not.toContain('第三十二条');
    expect(text).not.toContain('建立劳务关系');
    expect(text).not.toContain('工伤保险由公司依法缴纳');
    await signDeclaration(deps, { actor: emp.actor, platform: 'sandbox', template: TEMPLATE, subjectId: exception.id, typedName: '老陈', statementAccepted: true, signaturePng: signedPng() });
    expect((await deps.db.signature.findFirstOrThrow({ where: { subjectId: exception.id } })).template).toBe(`${TEMPLATE}@2`);
  });

  it('words dual employment on 第三十二条第二款 with work injury owed by each employer (人社部令第13号 第九条)', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '小褚', startDate: '2026-11-02' });
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'OTHER_EMPLOYER_PAYS' });
    const text = (await getDeclaration(deps, { actor: emp.actor, template: TEMPLATE, subjectId: exception.id })).content.paragraphs.join('\n');
    for (const cited of ['第三十二条第二款', '一个社会保险个人账户', '人社部令第13号 第九条', '自原单位停缴之月起']) expect(text).toContain(cited);
  });

  it('keeps a declaration signed under version 1 on its own version and text; its PDF still downloads and verifies', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '老卫', startDate: '2026-10-08' });
    const hr = await makeActor(deps, ['HR_SPECIALIST']);
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    const signatureId = await signUnderVersion1(emp.employee.id, '老卫', exception.id);

    for (const actor of [emp.actor, hr.actor]) {
      const view = await getDeclaration(deps, { actor, template: TEMPLATE, subjectId: exception.id });
      expect(view).toMatchObject({ template: `${TEMPLATE}@1`, canSign: false, signed: { signatureId } });
      expect(view.content.paragraphs[0]).toBe('本人已依法享受基本养老保险待遇（已办理退休并按月领取基本养老金），现与公司建立劳务关系（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条）。');
      expect(view.content.paragraphs).toContain('工伤保险由公司依法缴纳（《工伤保险条例》第二条、第六十二条）。');
    }
    const { bytes } = await getSignedDocument(deps, { actor: emp.actor, signatureId });
    const verified = await verifyDocument(deps, { bytes });
    expect(verified.authentic).toBe(true);
    // Signing again under today's version is refused: the signed one stands.
    await expect(signDeclaration(deps, { actor: emp.actor, platform: 'sandbox', template: TEMPLATE, subjectId: exception.id, typedName: '老卫', statementAccepted: true, signaturePng: signedPng() })).rejects.toMatchObject({ status: 409 });
  });
});
