// Checklist reminders as at the end of `asOf`: on the due day the owner gets a card (once); a
// task still open after its due day escalates to the HR managers (once). The timestamps are the
// compare-and-set guards, so a rerun for the same day, or a second instance racing this one,
// queues nothing. Up to DIGEST_OVER reminders go in bounded batches of task cards (with 已办结),
// each one transaction of set-based statements; more go out as digests (queue-exit-task-digests.ts).
import { buildExitTaskCard } from '../../../cards/exit-task-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { DIGEST_OVER } from '../cards/reminder-digest.ts';
import { compareAndSetMany } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ExitCardSpec } from './exit-card-rows.ts';
import type { ExitRecipients } from './exit-recipients.ts';
import { loadExitTaskFacts, owesEscalation, owesReminder, type DueExitTask as DueTask } from './exit-task-facts.ts';
import { queueExitCards } from './queue-exit-cards.ts';
import { queueExitTaskDigests } from './queue-exit-task-digests.ts';

const BATCH = 200;

/**
 * @example await remindExitTasks(deps, { asOf: '2026-11-17', actor }); // → { reminded: 2, escalated: 1 }
 */
export async function remindExitTasks(deps: ServiceDeps, o: { asOf: string; actor: Actor }): Promise<{ reminded: number; escalated: number }> {
  const asOf = parseDay(o.asOf);
  const tasks = await deps.db.exitTask.findMany({
    where: { state: 'OPEN', dueOn: { lte: asOf }, OR: [{ remindedAt: null }, { escalatedAt: null, dueOn: { lt: asOf } }] },
    include: { process: { select: { exitDate: true } } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
  });
  const owed = tasks.filter(owesReminder).length + tasks.filter((t) => owesEscalation(t, o.asOf)).length;
  if (owed > DIGEST_OVER) return deps.db.$transaction((tx) => queueExitTaskDigests(deps, tx, o, tasks));
  const total = { reminded: 0, escalated: 0 };
  // The HR audiences are looked up once per run, not once per batch.
  const sharedAudiences = new Map<string, ExitRecipients>();
  for (let i = 0; i < tasks.length; i += BATCH) {
    const done = await deps.db.$transaction((tx) => remindBatch(deps, tx, o, tasks.slice(i, i + BATCH), sharedAudiences));
    total.reminded += done.reminded;
    total.escalated += done.escalated;
  }
  return total;
}

async function remindBatch(deps: ServiceDeps, tx: Tx, o: { asOf: string; actor: Actor }, batch: DueTask[], sharedAudiences: Map<string, ExitRecipients>): Promise<{ reminded: number; escalated: number }> {
  const now = deps.now();
  // Ids in a fixed order, so two instances lock the same rows in the same order.
  const pick = (keep: (t: DueTask) => boolean) => batch.filter(keep).map((t) => t.id).sort();
  const remind = pick(owesReminder);
  const escalate = pick((t) => owesEscalation(t, o.asOf));
  const reminded = remind.length > 0 ? await compareAndSetMany(tx.exitTask, { id: { in: remind }, state: 'OPEN', remindedAt: null }, { remindedAt: now }) : new Set<string>();
  const escalated = escalate.length > 0 ? await compareAndSetMany(tx.exitTask, { id: { in: escalate }, state: 'OPEN', escalatedAt: null }, { escalatedAt: now }) : new Set<string>();
  const changed = batch.filter((t) => reminded.has(t.id) || escalated.has(t.id));
  if (changed.length === 0) return { reminded: 0, escalated: 0 };
  const facts = await loadExitTaskFacts(deps, tx, changed);
  const specs: ExitCardSpec[] = [];
  for (const task of changed) {
    const f = facts(task);
    const card = { subjectType: 'exit_task' as const, subjectId: task.id, employeeId: task.employeeId };
    const h5Url = `${deps.publicBaseUrl}/app/exits/${task.processId}`;
    if (reminded.has(task.id)) {
      specs.push({
        ...card, stage: 'due',
        // An owner without a chat account (or gone) cannot be reminded: the HR specialists are.
        audience: f.ownerReachable ? { kind: 'employees', ids: [task.ownerId as string] } : { kind: 'hr' },
        build: (key) => buildExitTaskCard({ overdue: false, facts: f.card, key, h5Url }),
      });
    }
    if (escalated.has(task.id)) specs.push({ ...card, stage: 'overdue', audience: { kind: 'hrManagers' }, build: (key) => buildExitTaskCard({ overdue: true, facts: f.card, key, h5Url }) });
  }
  const audit = (t: DueTask) => ({ processId: t.processId, taskId: t.id, kind: t.kind, dueOn: formatDay(t.dueOn) as string });
  const subject = (t: DueTask) => ({ type: 'exit_process' as const, id: t.processId });
  // The tasks' audit events go in the cards' INSERT: one statement less per batch.
  await queueExitCards(deps, tx, o.actor, specs, { sharedAudiences, alsoAudit: changed.flatMap((t) => [
    ...(reminded.has(t.id) ? [{ event: { type: 'exit.task_reminded' as const, data: audit(t) }, subject: subject(t) }] : []),
    ...(escalated.has(t.id) ? [{ event: { type: 'exit.task_escalated' as const, data: audit(t) }, subject: subject(t) }] : []),
  ]) });
  return { reminded: reminded.size, escalated: escalated.size };
}
