// A lawful insurance exception brought to SUBMITTED the way people do it: the employee asks, signs
// the declaration and uploads each proof its category needs; HR submits.
import { reasonCategories, type ReasonCategory } from '../../src/domain/exceptions/reason-categories.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { submitInsuranceException } from '../../src/services/exceptions/submit-insurance-exception.ts';
import { uploadProof } from '../../src/services/proofs/upload-proof.ts';
import { signDeclaration } from '../../src/services/signatures/sign-declaration.ts';
import { pdfBytes, signedPng } from './make-png.ts';

type Person = { actor: Actor; employee: { id: string; name: string } };

/** DRAFT with every document on file. */
export async function completeException(deps: ServiceDeps, o: { emp: Person; category: ReasonCategory; coversMonth: string }): Promise<string> {
  const { exception } = await requestInsuranceException(deps, { actor: o.emp.actor, reasonCategory: o.category });
  await signDeclaration(deps, {
    actor: o.emp.actor, platform: 'sandbox', template: 'insurance-exception-declaration', subjectId: exception.id, typedName: o.emp.employee.name, statementAccepted: true, signaturePng: signedPng(),
  });
  for (const p of reasonCategories[o.category].proofs) {
    await uploadProof(deps, { consent: true, actor: o.emp.actor, employeeId: o.emp.employee.id, exceptionId: exception.id, kind: p.kind, coversMonth: o.coversMonth, fileName: `${p.label}.pdf`, bytes: pdfBytes() });
  }
  return exception.id;
}

/** SUBMITTED to the HR manager; returns the exception and approval ids. */
export async function submittedException(deps: ServiceDeps, o: { emp: Person; hr: Person; category: ReasonCategory; coversMonth: string }): Promise<{ id: string; approvalId: string }> {
  const id = await completeException(deps, o);
  const { approvalId } = await submitInsuranceException(deps, { actor: o.hr.actor, exceptionId: id });
  return { id, approvalId };
}
