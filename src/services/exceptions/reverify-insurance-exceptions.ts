// The quarterly re-check of approved exceptions (PRODUCT.md §D), as at the end of day `asOf`:
// - on or after reverifyOn, the employee gets one card per quarter asking for a fresh proof (the
//   category's reverifyProof), recorded as an alert whose dueOn is the answer deadline;
// - the employee always gets REVERIFY_GRACE_DAYS (two weeks for the other employer's or the pension
//   agency's monthly statement to be issued) from the day the card is actually sent: a first run
//   after reverifyOn + 15 days (the job was down) sends the card with a fresh deadline instead of
//   lapsing at once;
// - a proof covering the last month of the previous quarter (or later), uploaded by the end of
//   asOf, advances reverifyOn to the next quarter;
// - only an exception whose request was sent and whose deadline has passed lapses.
// Idempotent per asOf: alerts dedupe the cards, compare-and-set guards every transition.
import { systemActor } from '../../domain/actor.ts';
import { addDays, formatDay, parseDay, startOfDayIn } from '../../domain/dates.ts';
import { lastMonthOfPreviousQuarter, nextQuarterStart, quarterOf, REVERIFY_GRACE_DAYS } from '../../domain/exceptions/exception-status.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { proofKindLabels } from '../../domain/proofs/proof-kind-labels.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { enrolmentDeadlineFor } from './enrolment-deadline-for.ts';
import { lapseInsuranceException } from './lapse-insurance-exception.ts';
import { REVERIFY_ALERT_KIND, requestFreshProof } from './request-fresh-proof.ts';

export interface ReverifyResult {
  due: number;
  requested: number;
  reverified: number;
  lapsed: number;
}

/**
 * @example
 *   await reverifyInsuranceExceptions(deps, { asOf: '2027-01-01' }) // → { due: 1, requested: 1, reverified: 0, lapsed: 0 }
 */
export async function reverifyInsuranceExceptions(deps: ServiceDeps, opts: { asOf: string; batchSize?: number }): Promise<ReverifyResult> {
  const actor = systemActor('job:exception-reverification');
  const endOfDay = startOfDayIn(deps.businessTz, addDays(opts.asOf, 1));
  const due = await deps.db.insuranceException.findMany({
    where: { status: 'APPROVED', reverifyOn: { lte: parseDay(opts.asOf) } },
    orderBy: { id: 'asc' },
    take: opts.batchSize ?? 500,
  });
  const result: ReverifyResult = { due: due.length, requested: 0, reverified: 0, lapsed: 0 };
  for (const e of due) {
    if (!isReasonCategory(e.reasonCategory) || !e.reverifyOn) continue;
    const info = reasonCategories[e.reasonCategory];
    if (!info.lawful) continue;
    const proofKind = info.reverifyProof;
    const reverifyOn = formatDay(e.reverifyOn) as string;
    const needMonth = lastMonthOfPreviousQuarter(reverifyOn);
    const quarter = quarterOf(reverifyOn);
    const fresh = await deps.db.proof.findFirst({
      where: { exceptionId: e.id, kind: proofKind, coversMonth: { gte: needMonth }, uploadedAt: { lt: endOfDay } },
      orderBy: { coversMonth: 'desc' },
    });
    const data = { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory };
    if (fresh?.coversMonth) {
      const next = nextQuarterStart(reverifyOn);
      const done = await deps.db.$transaction(async (tx) => {
        if (!(await compareAndSet(tx.insuranceException, { id: e.id, status: 'APPROVED' as const, version: e.version }, { reverifyOn: parseDay(next), version: { increment: 1 } }))) return false;
        await tx.alert.updateMany({ where: { employeeId: e.employeeId, kind: REVERIFY_ALERT_KIND, state: 'OPEN' }, data: { state: 'RESOLVED', resolvedAt: deps.now() } });
        await writeAuditEvent(tx, actor, { type: 'exception.reverified', data: { ...data, proofId: fresh.id, coversMonth: fresh.coversMonth as string, reverifyOn: next } }, { type: 'insurance_exception', id: e.id });
        return true;
      });
      if (done) result.reverified++;
      continue;
    }
    const asked = await deps.db.alert.findUnique({ where: { uniqueKey: `${REVERIFY_ALERT_KIND}:${e.id}:${quarter}` } });
    if (!asked) {
      // The usual time to answer, counted from the day the card goes out (reverifyOn when the job ran on time).
      const deadline = addDays(opts.asOf, REVERIFY_GRACE_DAYS);
      const sent = await deps.db.$transaction((tx) => requestFreshProof(deps, tx, {
        actor, exception: e, quarter, deadline, facts: { proofLabel: proofKindLabels[proofKind], coversMonth: needMonth, deadline, legalNote: info.cardNote }, proofKind,
      }));
      if (sent) result.requested++;
    } else if (opts.asOf > (formatDay(asked.dueOn) as string)) {
      const deadline = formatDay(asked.dueOn) as string;
      const restarted = await enrolmentDeadlineFor(deps.db, { clockStart: opts.asOf, today: opts.asOf });
      const reason = `截至 ${deadline} 未上传覆盖 ${needMonth} 的「${proofKindLabels[proofKind]}」`;
      const lapsed = await deps.db.$transaction((tx) => lapseInsuranceException(deps, tx, { actor, exception: e, lapsedOn: opts.asOf, reason, deadline: restarted }));
      if (lapsed) result.lapsed++;
    }
  }
  if (result.lapsed > 0) await sealTreeHead(deps);
  return result;
}
