// Checklist reminders as at the end of `asOf`: on the due day the owner gets a card (once); a
// task still open after its due day escalates to the HR managers (once). The timestamps are the
// compare-and-set guards, so a rerun for the same day, or a second instance racing this one,
// queues nothing. Tasks go in bounded batches, each one transaction of set-based statements.
import { buildExitTaskCard } from '../../../cards/exit-task-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import type { ExitTask } from '../../generated/prisma/client.ts';
import { compareAndSetMany } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ExitCardSpec } from './exit-card-rows.ts';
import type { ExitRecipients } from './exit-recipients.ts';
import { queueExitCards } from './queue-exit-cards.ts';

const BATCH = 200;

type DueTask = ExitTask & { process: { exitDate: Date | null } };

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
  const remind = pick((t) => !t.remindedAt);
  const escalate = pick((t) => !t.escalatedAt && (formatDay(t.dueOn) as string) < o.asOf);
  const reminded = remind.length > 0 ? await compareAndSetMany(tx.exitTask, { id: { in: remind }, state: 'OPEN', remindedAt: null }, { remindedAt: now }) : new Set<string>();
  const escalated = escalate.length > 0 ? await compareAndSetMany(tx.exitTask, { id: { in: escalate }, state: 'OPEN', escalatedAt: null }, { escalatedAt: now }) : new Set<string>();
  const changed = batch.filter((t) => reminded.has(t.id) || escalated.has(t.id));
  if (changed.length === 0) return { reminded: 0, escalated: 0 };
  const facts = await loadTaskFacts(deps, tx, changed);
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

/** The card facts of each task: the leavers, the owners and which owners have a chat account, one query each. */
async function loadTaskFacts(deps: ServiceDeps, tx: Tx, tasks: DueTask[]) {
  const ownerIds = [...new Set(tasks.flatMap((t) => (t.ownerId ? [t.ownerId] : [])))];
  // One after another: queries in one transaction share its connection.
  const leavers = await tx.employee.findMany({ where: { id: { in: [...new Set(tasks.map((t) => t.employeeId))] } }, select: { id: true, name: true, department: { select: { name: true } } } });
  const owners = await tx.employee.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true, status: true } });
  const identities = await tx.platformIdentity.findMany({ where: { employeeId: { in: ownerIds }, platform: { in: deps.chatPlatforms } }, select: { employeeId: true }, distinct: ['employeeId'] });
  const leaverOf = new Map(leavers.map((e) => [e.id, e]));
  const ownerOf = new Map(owners.map((e) => [e.id, e]));
  const withChat = new Set(identities.map((i) => i.employeeId));
  return (task: DueTask) => {
    const employee = leaverOf.get(task.employeeId);
    const owner = task.ownerId ? ownerOf.get(task.ownerId) : undefined;
    return {
      ownerReachable: Boolean(owner && owner.status !== 'EXITED' && withChat.has(owner.id)),
      card: {
        employeeName: employee?.name ?? '员工', department: employee?.department.name ?? '—', exitDate: formatDay(task.process.exitDate) ?? '—',
        title: task.title, dueOn: formatDay(task.dueOn) as string, legalBasis: task.legalBasis, owner: owner?.name ?? '人事专员',
      },
    };
  };
}
