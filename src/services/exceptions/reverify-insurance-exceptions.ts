// The quarterly re-check of approved exceptions (PRODUCT.md §D), as at the end of day `asOf`:
// - on or after reverifyOn, the employee gets one card per quarter asking for a fresh proof;
// - a proof of the required kind covering the last month of the previous quarter (or later),
//   uploaded by the end of asOf, advances reverifyOn to the next quarter;
// - none by reverifyOn + 15 days (REVERIFY_GRACE_DAYS: two weeks for the other employer's or the
//   pension agency's monthly statement to be issued) lapses the exception.
// Idempotent per asOf: alerts dedupe the cards, compare-and-set guards every transition.
import { buildExceptionReverifyCard } from '../../../cards/exception-reverify-card.ts';
import { systemActor } from '../../domain/actor.ts';
import { addDays, formatDay, parseDay, startOfDayIn } from '../../domain/dates.ts';
import { lastMonthOfPreviousQuarter, nextQuarterStart, quarterOf, REVERIFY_GRACE_DAYS } from '../../domain/exceptions/exception-status.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { enrolmentDeadlineFor } from './enrolment-deadline-for.ts';
import { proofUploadUrl } from './exception-links.ts';
import { lapseInsuranceException } from './lapse-insurance-exception.ts';
import { queueExceptionCard } from './queue-exception-card.ts';

export const REVERIFY_ALERT_KIND = 'exception.reverify';

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
    const proofInfo = reasonCategories[e.reasonCategory].proof;
    if (!proofInfo) continue;
    const reverifyOn = formatDay(e.reverifyOn) as string;
    const needMonth = lastMonthOfPreviousQuarter(reverifyOn);
    const deadline = addDays(reverifyOn, REVERIFY_GRACE_DAYS);
    const fresh = await deps.db.proof.findFirst({
      where: { exceptionId: e.id, kind: proofInfo.kind, coversMonth: { gte: needMonth }, uploadedAt: { lt: endOfDay } },
      orderBy: { coversMonth: 'desc' },
    });
    const data = { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory };
    const subject = { type: 'insurance_exception' as const, id: e.id };
    if (fresh?.coversMonth) {
      const next = nextQuarterStart(reverifyOn);
      const done = await deps.db.$transaction(async (tx) => {
        if (!(await compareAndSet(tx.insuranceException, { id: e.id, status: 'APPROVED' as const, version: e.version }, { reverifyOn: parseDay(next), version: { increment: 1 } }))) return false;
        await tx.alert.updateMany({ where: { employeeId: e.employeeId, kind: REVERIFY_ALERT_KIND, state: 'OPEN' }, data: { state: 'RESOLVED', resolvedAt: deps.now() } });
        await writeAuditEvent(tx, actor, { type: 'exception.reverified', data: { ...data, proofId: fresh.id, coversMonth: fresh.coversMonth as string, reverifyOn: next } }, subject);
        return true;
      });
      if (done) result.reverified++;
    } else if (opts.asOf > deadline) {
      const restarted = await enrolmentDeadlineFor(deps.db, { clockStart: opts.asOf, today: opts.asOf });
      const reason = `截至 ${deadline} 未上传覆盖 ${needMonth} 的「${proofInfo.label}」`;
      const lapsed = await deps.db.$transaction((tx) => lapseInsuranceException(deps, tx, { actor, exception: e, lapsedOn: opts.asOf, reason, deadline: restarted }));
      if (lapsed) result.lapsed++;
    } else {
      const quarter = quarterOf(reverifyOn);
      const sent = await deps.db.$transaction(async (tx) => {
        const created = await tx.alert.createMany({
          data: [{ kind: REVERIFY_ALERT_KIND, stage: quarter, uniqueKey: `${REVERIFY_ALERT_KIND}:${e.id}:${quarter}`, employeeId: e.employeeId, dueOn: parseDay(deadline) }],
          skipDuplicates: true,
        });
        if (created.count === 0) return false;
        const uploadUrl = proofUploadUrl(deps.publicBaseUrl, e.id, proofInfo.kind);
        await queueExceptionCard(deps, tx, {
          actor, exceptionId: e.id, employeeId: e.employeeId, audience: 'employee', prefix: 'exv', part: quarter,
          build: (key) => buildExceptionReverifyCard({ key, uploadUrl, facts: { proofLabel: proofInfo.label, coversMonth: needMonth, deadline } }),
        });
        return true;
      });
      if (sent) result.requested++;
    }
  }
  if (result.lapsed > 0) await sealTreeHead(deps);
  return result;
}
