// The required documents of a lawful exception and whether each is on file: the employee's signed
// declaration (H4's template 'insurance-exception-declaration', subject = the exception) and the
// proof of the kind its reason needs. Only documents attached to this exception count.
import type { Db, Tx } from '../../db/client.ts';
import { DECLARATION_TEMPLATE, isReasonCategory, requiredDocuments } from '../../domain/exceptions/reason-categories.ts';
import type { DocumentCheck } from '../../domain/views/exceptions.ts';
import { declarationSignUrl, proofUploadUrl } from './exception-links.ts';

/**
 * @example
 *   const docs = await checkExceptionDocuments(tx, { id, employeeId, reasonCategory }, publicBaseUrl);
 *   const missing = docs.filter((d) => !d.present).map((d) => d.label);
 */
export async function checkExceptionDocuments(db: Db | Tx, e: { id: string; employeeId: string; reasonCategory: string }, publicBaseUrl: string): Promise<DocumentCheck[]> {
  if (!isReasonCategory(e.reasonCategory)) return [];
  const out: DocumentCheck[] = [];
  for (const doc of requiredDocuments(e.reasonCategory)) {
    if (doc.proofKind) {
      const proof = await db.proof.findFirst({ where: { exceptionId: e.id, employeeId: e.employeeId, kind: doc.proofKind }, select: { id: true } });
      out.push({ key: doc.key, label: doc.label, present: proof !== null, link: proofUploadUrl(publicBaseUrl, e.id, doc.proofKind) });
    } else {
      // The template id may carry a version ('insurance-exception-declaration@1').
      const signature = await db.signature.findFirst({
        where: { subjectType: 'insurance_exception', subjectId: e.id, employeeId: e.employeeId, template: { startsWith: DECLARATION_TEMPLATE } },
        select: { id: true },
      });
      out.push({ key: doc.key, label: doc.label, present: signature !== null, link: declarationSignUrl(publicBaseUrl, e.id) });
    }
  }
  return out;
}

/** Whether every required document is on file (a reason with none, or an unknown one, is complete). */
export async function exceptionDocumentsComplete(db: Db | Tx, e: { id: string; employeeId: string; reasonCategory: string }): Promise<boolean> {
  // The links are not needed here, so no base URL.
  return (await checkExceptionDocuments(db, e, '')).every((d) => d.present);
}
