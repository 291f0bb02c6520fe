// An exit-task-reminders run that owes more than DIGEST_OVER reminders sends them as 离职事项提醒
// digests (cards/exit-task-digest-card.ts), one per audience and platform, instead of a card per
// task (see src/services/cards/reminder-digest.ts): the owners' 今日到期 items to each owner (the
// HR specialists for an owner who cannot be reached), the 已逾期 escalations to the HR managers.
// Everything commits in one transaction of bounded statements: the compare-and-set of remindedAt /
// escalatedAt decides which tasks this run changed (a racing instance changes none of them and
// sends nothing), and each changed task keeps its own audit event.
import { buildExitTaskDigestCard } from '../../../cards/exit-task-digest-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';
import { queueCards, type PlannedCard } from '../cards/queue-cards.ts';
import { digestKey, inChunks } from '../cards/reminder-digest.ts';
import { compareAndSetMany } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import type { ExitAudience, ExitRecipients } from './exit-recipients.ts';
import { loadExitTaskFacts, owesEscalation, owesReminder, type DueExitTask } from './exit-task-facts.ts';
import { findExitAudiences } from './queue-exit-cards.ts';

interface DigestGroup {
  audience: ExitAudience;
  due: DueExitTask[];
  overdue: DueExitTask[];
}

/**
 * `tasks` in the order to list them (due day, then id), as remindExitTasks reads them.
 * @example await deps.db.$transaction((tx) => queueExitTaskDigests(deps, tx, { asOf, actor }, tasks)) // → { reminded: 40, escalated: 12 }
 */
export async function queueExitTaskDigests(deps: ServiceDeps, tx: Tx, o: { asOf: string; actor: Actor }, tasks: readonly DueExitTask[]): Promise<{ reminded: number; escalated: number }> {
  const now = deps.now();
  // Ids in a fixed order, so two instances lock the same rows in the same order.
  const ids = (keep: (t: DueExitTask) => boolean) => tasks.filter(keep).map((t) => t.id).sort();
  const reminded = new Set<string>();
  const escalated = new Set<string>();
  for (const part of inChunks(ids(owesReminder))) {
    (await compareAndSetMany(tx.exitTask, { id: { in: part }, state: 'OPEN', remindedAt: null }, { remindedAt: now })).forEach((id) => reminded.add(id));
  }
  for (const part of inChunks(ids((t) => owesEscalation(t, o.asOf)))) {
    (await compareAndSetMany(tx.exitTask, { id: { in: part }, state: 'OPEN', escalatedAt: null }, { escalatedAt: now })).forEach((id) => escalated.add(id));
  }
  const changed = tasks.filter((t) => reminded.has(t.id) || escalated.has(t.id));
  if (changed.length === 0) return { reminded: 0, escalated: 0 };
  const facts = await loadExitTaskFacts(deps, tx, changed);
  const groups = new Map<string, DigestGroup>();
  const groupOf = (key: string, audience: ExitAudience) => groups.get(key) ?? groups.set(key, { audience, due: [], overdue: [] }).get(key)!;
  for (const task of changed) {
    if (reminded.has(task.id)) {
      const reachable = facts(task).ownerReachable;
      groupOf(reachable ? `owner:${task.ownerId}` : 'hr', reachable ? { kind: 'employees', ids: [task.ownerId as string] } : { kind: 'hr' }).due.push(task);
    }
    if (escalated.has(task.id)) groupOf('hrManagers', { kind: 'hrManagers' }).overdue.push(task);
  }
  const recipientsOf = await findExitAudiences(deps, tx, [...groups.values()].map((g) => g.audience));
  // Audiences that reach the same people on a platform (an owner who is also the HR specialist
  // who takes unowned tasks) share one card there.
  const buckets = new Map<string, { platform: Platform; to: CardRecipient[]; group: ExitRecipients['group']; due: DueExitTask[]; overdue: DueExitTask[] }>();
  for (const g of groups.values()) {
    const recipients = recipientsOf(g.audience);
    for (const [platform, to] of recipients) {
      if (to.length === 0) continue;
      const key = `${platform}:${to.map((r) => r.userId).sort().join(',')}`;
      const bucket = buckets.get(key) ?? buckets.set(key, { platform, to, group: recipients.group, due: [], overdue: [] }).get(key)!;
      bucket.due.push(...g.due);
      bucket.overdue.push(...g.overdue);
    }
  }
  // Oldest due day first: what has waited longest heads the list.
  const names = (ts: DueExitTask[]) => [...ts].sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || (a.id < b.id ? -1 : 1)).map((t) => facts(t).card.employeeName);
  const cards = [...buckets.values()].map((b): PlannedCard => {
    const itemKeys = [...b.due.map((t) => `${t.id}:due`), ...b.overdue.map((t) => `${t.id}:overdue`)];
    return {
      card: buildExitTaskDigestCard({ key: digestKey('xd', itemKeys, b.platform), asOf: o.asOf, due: names(b.due), overdue: names(b.overdue), h5Url: `${deps.publicBaseUrl}/app/exits` }),
      platform: b.platform, to: b.to, subject: { type: 'exit_task_digest', id: o.asOf }, group: b.group,
    };
  });
  await queueCards(deps, tx, o.actor, cards);
  const audit = (t: DueExitTask) => ({ processId: t.processId, taskId: t.id, kind: t.kind, dueOn: formatDay(t.dueOn) as string });
  const subject = (t: DueExitTask) => ({ type: 'exit_process' as const, id: t.processId });
  await writeAuditEvents(tx, o.actor, changed.flatMap((t) => [
    ...(reminded.has(t.id) ? [{ event: { type: 'exit.task_reminded' as const, data: audit(t) }, subject: subject(t) }] : []),
    ...(escalated.has(t.id) ? [{ event: { type: 'exit.task_escalated' as const, data: audit(t) }, subject: subject(t) }] : []),
  ]));
  return { reminded: reminded.size, escalated: escalated.size };
}
