// HR's 社保例外申请 card follows the employee's documents: signing the declaration and uploading
// the proof each queue a card_update through the real outbox, and the sandbox chat shows ✔.
// People read a short 申请编号 (例外-2026-0007), never the UUID.
import { describe, expect, it } from 'vitest';
import type { CardModel } from '../../cards/card-model.ts';
import { deliverOutboxMessage } from '../../src/outbox/deliver-outbox-message.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { declarationTemplates } from '../../src/documents/declaration-templates.ts';
import { exceptionRequestNumber } from '../../src/domain/exceptions/request-number.ts';
import { getInsuranceException } from '../../src/services/exceptions/get-insurance-exception.ts';
import { listInsuranceExceptions } from '../../src/services/exceptions/list-insurance-exceptions.ts';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { withdrawInsuranceException } from '../../src/services/exceptions/withdraw-insurance-exception.ts';
import { uploadProof } from '../../src/services/proofs/upload-proof.ts';
import { signDeclaration } from '../../src/services/signatures/sign-declaration.ts';
import { makeActor } from '../helpers/factories.ts';
import { pdfBytes, signedPng } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-11-20T02:00:00Z') });
const deps = t.deps;
const delivery = { db: t.db, platforms: { sandbox: createSandboxChatPlatform(t.db) }, files: deps.files, now: deps.now };
const hrs = await makeActor(deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });

/** Delivers what is pending and returns HR's request card as the sandbox chat shows it. */
async function hrCard(exceptionId: string): Promise<CardModel> {
  for (const m of await t.db.outboxMessage.findMany({ where: { status: 'PENDING' }, orderBy: { createdAt: 'asc' } })) await deliverOutboxMessage(delivery, m.id);
  const message = await t.db.sandboxMessage.findFirstOrThrow({ where: { userId: 'hr-s', kind: 'card', cardKey: { startsWith: `exr-${exceptionId.replaceAll('-', '')}` } } });
  return (message.body as unknown as { card: CardModel }).card;
}
const hrCardRows = async (exceptionId: string) => (await hrCard(exceptionId)).rows.map((r) => `${r.label} ${r.value}`);

describe('the exception request card', () => {
  it('shows the declaration signed and the proof on file once the employee provides them, one update each', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '老刘', startDate: '2026-11-02', identities: { sandbox: 'liu' } });
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    expect(await hrCardRows(exception.id)).toEqual(expect.arrayContaining(['签署声明 ✘ 未签署', '证明材料 ✘ 退休证或养老金领取证明']));

    await signDeclaration(deps, { actor: emp.actor, platform: 'sandbox', template: 'insurance-exception-declaration', subjectId: exception.id, typedName: '老刘', statementAccepted: true, signaturePng: signedPng() });
    expect(await hrCardRows(exception.id)).toEqual(expect.arrayContaining(['签署声明 ✔ 已签署', '证明材料 ✘ 退休证或养老金领取证明']));

    const upload = () => uploadProof(deps, { consent: true, actor: emp.actor, employeeId: emp.employee.id, exceptionId: exception.id, kind: 'PENSION_CERTIFICATE', coversMonth: '2026-10', fileName: '退休证.pdf', bytes: pdfBytes() });
    await upload();
    expect(await hrCardRows(exception.id)).toEqual(expect.arrayContaining(['签署声明 ✔ 已签署', '证明材料 ✔ 退休证或养老金领取证明']));
    // A second copy of the proof changes nothing on the card: no new update.
    await upload();
    const updates = await t.db.outboxMessage.findMany({ where: { kind: 'card_update', dedupeKey: { startsWith: 'card-update:exr-' } }, orderBy: { dedupeKey: 'asc' } });
    expect(updates.map((u) => u.dedupeKey.replace(/^card-update:exr-[0-9a-f]+-/, ''))).toEqual(['sandbox:v1', 'sandbox:v2']);
    const stored = await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: exception.id, type: 'exception.request' } });
    expect([stored.state, stored.version]).toEqual(['OPEN', 2]);
  });

  it('stays closed after a withdrawal: a later upload queues no update', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '周九', startDate: '2026-11-02', identities: { sandbox: 'zhou' } });
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    await withdrawInsuranceException(deps, { actor: emp.actor, exceptionId: exception.id });
    const before = await t.db.outboxMessage.count({ where: { kind: 'card_update' } });
    await uploadProof(deps, { consent: true, actor: emp.actor, employeeId: emp.employee.id, exceptionId: exception.id, kind: 'PENSION_CERTIFICATE', coversMonth: '2026-10', fileName: '退休证.pdf', bytes: pdfBytes() });
    expect(await t.db.outboxMessage.count({ where: { kind: 'card_update' } })).toBe(before);
    expect((await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: exception.id, type: 'exception.request' } })).state).toBe('DECIDED');
  });
});

describe('the request number', () => {
  it('is short, sequential and the year of the request in Shanghai, on the card, the lists, the detail and the declaration', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '吴十', startDate: '2026-11-02', identities: { sandbox: 'wu' } });
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    const no = exceptionRequestNumber(exception, deps.businessTz);
    expect(no).toBe(`例外-2026-${String(exception.requestNo).padStart(4, '0')}`);
    expect(exception.requestNo).toBeGreaterThan(2);
    expect((await hrCard(exception.id)).title).toBe(`社保例外申请 ${no}`);
    expect((await listInsuranceExceptions(deps, { actor: hrs.actor })).exceptions.find((x) => x.id === exception.id)?.requestNo).toBe(no);
    expect((await getInsuranceException(deps, { actor: emp.actor, id: exception.id })).requestNo).toBe(no);
    const content = await declarationTemplates['insurance-exception-declaration']!.load(deps, exception.id, emp.employee.id);
    expect(content.facts).toContainEqual({ label: '申请编号', value: no });
    expect(JSON.stringify(content)).not.toContain(exception.id);
  });

  it('turns the year over in Shanghai before UTC does', () => {
    expect(exceptionRequestNumber({ requestNo: 7, createdAt: new Date('2026-12-31T16:30:00Z') }, 'Asia/Shanghai')).toBe('例外-2027-0007');
    expect(exceptionRequestNumber({ requestNo: 12345, createdAt: new Date('2026-12-31T15:30:00Z') }, 'Asia/Shanghai')).toBe('例外-2026-12345');
  });
});
