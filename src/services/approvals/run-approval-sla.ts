// The hourly SLA sweep over active steps: at the SLA the approvers get a reminder; at twice the
// SLA the step escalates to the definition's next level (new approvers, new cards; the old
// cards show 已升级至 …), or, with no level left, the approvers are reminded once more. Each
// change is a compare-and-set on the step under the approval's lock, so a rerun for the same
// as-of finds nothing new.
import { systemActor } from '../../domain/actor.ts';
import { addDays, startOfDayIn } from '../../domain/dates.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { findDefinition } from './approval-definitions.ts';
import { escalateApprovalStep, remindApprovers } from './escalate-approval-step.ts';
import { lockApproval } from './lock-approval.ts';
import { slaDueAction } from './step-clock.ts';

export interface RunApprovalSlaResult {
  checked: number;
  reminded: number;
  escalated: number;
  failed: number;
}

const actor = systemActor('approval-sla', '系统');

/**
 * @example
 *   await runApprovalSla(deps, { asOf: '2026-12-02' }) // → { checked: 3, reminded: 1, escalated: 1, failed: 0 }
 */
export async function runApprovalSla(deps: ServiceDeps, o: { asOf: string; log?: Logger; batchSize?: number }): Promise<RunApprovalSlaResult> {
  // "As at the end of asOf", but never ahead of the clock: a backfill must not escalate early.
  const endOfDay = startOfDayIn(deps.businessTz, addDays(o.asOf, 1));
  const now = new Date(Math.min(deps.now().getTime(), endOfDay.getTime()));
  const result: RunApprovalSlaResult = { checked: 0, reminded: 0, escalated: 0, failed: 0 };
  const batchSize = o.batchSize ?? 100;
  let cursor: string | undefined;
  for (;;) {
    const steps = await deps.db.approvalStep.findMany({
      where: { status: 'ACTIVE', approval: { status: 'PENDING' }, ...(cursor && { id: { gt: cursor } }) },
      include: { approval: { select: { definition: true } } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (steps.length === 0) break;
    cursor = steps.at(-1)?.id;
    for (const candidate of steps) {
      result.checked++;
      try {
        const rules = findDefinition(candidate.approval.definition).steps[candidate.index]?.escalateTo ?? [];
        if (slaDueAction(candidate, now, candidate.level < rules.length) === 'none') continue;
        const done = await deps.db.$transaction(async (tx) => {
          const approval = await lockApproval(tx, candidate.approvalId);
          const step = approval.steps.find((s) => s.id === candidate.id);
          if (!step || step.status !== 'ACTIVE' || approval.status !== 'PENDING') return 'none';
          const action = slaDueAction(step, now, step.level < rules.length);
          if (action === 'escalate') return escalateApprovalStep(deps, tx, { approval, step, rule: rules[step.level]!, actor, now });
          if (action === 'remind' || action === 'remindFinal') return remindApprovers(deps, tx, { approval, step, actor, now, final: action === 'remindFinal' });
          return 'none';
        });
        if (done === 'reminded') result.reminded++;
        if (done === 'escalated') result.escalated++;
      } catch (error) {
        result.failed++;
        o.log?.error({ err: error, stepId: candidate.id, approvalId: candidate.approvalId }, 'approval SLA step failed');
      }
    }
    if (steps.length < batchSize) break;
  }
  return result;
}
