// The SLA clock of a step restarts at each escalation: the new approvers get a full SLA before
// their own reminder, and twice it before the next level takes over.
import type { ApprovalStep } from '../../generated/prisma/client.ts';

const HOUR = 3_600_000;

/** When the current level's clock started: the last escalation, else the activation. */
export function stepClockStart(step: Pick<ApprovalStep, 'activatedAt' | 'escalatedAt'>): Date {
  return step.escalatedAt ?? step.activatedAt ?? new Date(0);
}

/** When the current approvers must have decided (clock start + SLA). */
export function stepDue(step: Pick<ApprovalStep, 'activatedAt' | 'escalatedAt' | 'slaHours'>): Date {
  return new Date(stepClockStart(step).getTime() + step.slaHours * HOUR);
}

/** What the SLA job owes a step at `now`: nothing, a reminder, an escalation, or a last reminder (no level left). */
export function slaDueAction(
  step: Pick<ApprovalStep, 'activatedAt' | 'escalatedAt' | 'remindedAt' | 'slaHours'>,
  now: Date,
  canEscalate: boolean,
): 'none' | 'remind' | 'escalate' | 'remindFinal' {
  const start = stepClockStart(step).getTime();
  const sla = step.slaHours * HOUR;
  const reminded = step.remindedAt?.getTime() ?? -Infinity;
  if (now.getTime() >= start + 2 * sla) {
    if (canEscalate) return 'escalate';
    return reminded < start + 2 * sla ? 'remindFinal' : 'none';
  }
  if (now.getTime() >= start + sla && reminded < start) return 'remind';
  return 'none';
}
