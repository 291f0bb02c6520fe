// Monthly reconciliation of HR data against the contributions actually paid. Each mismatch is
// one task (owner, due date) and HR gets one digest card per run; tasks whose condition is gone
// are closed. Legal basis: 《社会保险法》第五十八条 (register every worker), 第六十条 (pay in full,
// tell the employee), 第八十四条 (fine for not registering), 第八十六条 (late fee 0.05%/day).
import { systemActor, type Actor } from '../../domain/actor.ts';
import { addDays } from '../../domain/dates.ts';
import type { ServiceDeps } from '../deps.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';
import { applyReconciliationTasks } from './apply-reconciliation-tasks.ts';
import { findBaseMismatches } from './find-base-mismatches.ts';
import { findInsuranceGaps } from './find-insurance-gaps.ts';
import { estimateTaskMoney } from './estimate-task-money.ts';
import { findTaskOwner } from './find-task-owner.ts';
import { readWageTolerance } from './read-wage-tolerance.ts';
import { RECONCILIATION_KINDS, type ReconciliationKind } from './reconciliation-kinds.ts';
import { chooseReconciliationMonth, monthBounds } from './reconciliation-month.ts';
import { sendReconciliationDigest } from './send-reconciliation-digest.ts';

export interface ReconcileContributionsOptions {
  /** 'YYYY-MM-DD' in BUSINESS_TZ. */
  asOf: string;
  /** Reconcile this 'YYYY-MM' instead of the latest imported month ≤ asOf's month. */
  month?: string;
  actor?: Actor;
}

export interface ReconcileContributionsResult {
  /** null when no contributions were imported up to asOf's month: nothing to reconcile. */
  month: string | null;
  found: Record<ReconciliationKind, number>;
  opened: number;
  closed: number;
  cardsQueued: number;
}

export const TASK_DUE_DAYS = 5;

/**
 * @example
 *   await reconcileContributions(deps, { asOf: '2026-11-05' })
 *   // → { month: '2026-10', found: { active_not_insured: 1, … }, opened: 6, closed: 0, cardsQueued: 1 }
 */
export async function reconcileContributions(deps: ServiceDeps, opts: ReconcileContributionsOptions): Promise<ReconcileContributionsResult> {
  const found = Object.fromEntries(RECONCILIATION_KINDS.map((k) => [k, 0])) as Record<ReconciliationKind, number>;
  const month = opts.month ?? (await chooseReconciliationMonth(deps.db, opts.asOf));
  if (!month) return { month: null, found, opened: 0, closed: 0, cardsQueued: 0 };
  const bounds = monthBounds(month);
  const tolerance = await readWageTolerance(deps.db);
  const detected = [...(await findInsuranceGaps(deps.db, bounds)), ...(await findBaseMismatches(deps.db, bounds, tolerance))];
  // The tasks that cost money carry the calculator's estimate as if paid on the run day.
  const mismatches = await estimateTaskMoney(deps.db, detected, { month, payOn: opts.asOf });
  for (const m of mismatches) found[m.kind]++;
  const ownerId = await findTaskOwner(deps.db);
  const recipients = await findHrRecipients(deps.db, deps.chatPlatforms, { kind: 'reconciliation', now: deps.now(), businessTz: deps.businessTz });
  const actor = opts.actor ?? systemActor('contribution-reconciliation');
  const dueOn = addDays(opts.asOf, TASK_DUE_DAYS);
  return deps.db.$transaction(
    async (tx) => {
      const now = deps.now();
      const { opened, closed } = await applyReconciliationTasks(tx, { month, mismatches, ownerId, dueOn, now, actor });
      const cardsQueued = await sendReconciliationDigest(tx, deps, { month, tasks: opened, dueOn, recipients, actor, at: now });
      return { month, found, opened: opened.length, closed: closed.length, cardsQueued };
    },
    { timeout: 60_000 },
  );
}
