// The employee an approval is about is recorded once, on its approval.submitted audit event
// (the audit subject), and read back from there for line-manager escalation and the evidence
// ledger: the event is written in the submitting transaction, so it always exists.
import type { Tx } from '../../db/client.ts';

/** The subject employee's id of approval `approvalId`, or null for an approval without one. */
export async function findSubjectEmployeeId(tx: Tx, approvalId: string): Promise<string | null> {
  const event = await tx.auditEvent.findFirst({
    where: { type: 'approval.submitted', data: { path: ['approvalId'], equals: approvalId } },
    select: { subjectId: true },
  });
  return event?.subjectId ?? null;
}
