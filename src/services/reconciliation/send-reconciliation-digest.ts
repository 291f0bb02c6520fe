// One 社保对账差异 card per platform for the tasks a run opened, queued in the run's transaction,
// so the tasks and their card commit together (or not at all).
import { createHash } from 'node:crypto';
import { buildReconciliationDigestCard, RECONCILIATION_DIGEST_CARD } from '../../../cards/reconciliation-digest-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { loadEmployeeNames } from '../employees/load-employee-names.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import type { HrRecipients } from '../cards/find-hr-recipients.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import type { TaskRow } from './apply-reconciliation-tasks.ts';
import type { TaskMoney } from './estimate-task-money.ts';
import { RECONCILIATION_KINDS, reconciliationKindInfo } from './reconciliation-kinds.ts';

export interface DigestOptions {
  month: string;
  tasks: TaskRow[];
  dueOn: string;
  recipients: HrRecipients;
  /** The run's instant (deps.now()). */
  at: Date;
  actor: Actor;
}

/**
 * `rec-<32 hex>-<platform>`, hashed from the tasks and the run's instant: a task reopened later
 * gets a new card, while a run is already exactly-once through its transaction (only the run
 * that created or reopened the rows sees them).
 */
export function reconciliationCardKey(taskIds: string[], at: Date, platform: Platform): string {
  const hash = createHash('sha256').update([...taskIds].sort().join(',')).update(at.toISOString()).digest('hex');
  return `rec-${hash.slice(0, 32)}-${platform}`;
}

/** Returns the number of cards queued. */
export async function sendReconciliationDigest(tx: Tx, deps: ServiceDeps, o: DigestOptions): Promise<number> {
  if (o.tasks.length === 0) return 0;
  const ids = [...new Set(o.tasks.map((t) => t.employeeId).filter((id) => id !== null))];
  const people = await loadEmployeeNames(tx, ids);
  const kinds = RECONCILIATION_KINDS.map((kind) => {
    const tasks = o.tasks.filter((t) => t.kind === kind);
    return { label: reconciliationKindInfo[kind].label, names: tasks.map((t) => people.get(t.employeeId ?? '')?.name ?? '—'), ...owedOf(tasks) };
  }).filter((k) => k.names.length > 0);
  const unverified = o.tasks.some((t) => { const m = moneyOf(t); return m?.estimated === true && !m.verified; });
  let queued = 0;
  for (const platform of o.recipients.platforms) {
    const to = o.recipients.answering(platform);
    if (to.length === 0) continue;
    const card = buildReconciliationDigestCard({
      key: reconciliationCardKey(o.tasks.map((t) => t.id), o.at, platform), month: o.month, kinds, unverified, dueOn: o.dueOn, h5Url: `${deps.publicBaseUrl}/app/me`,
    });
    const { count } = await tx.cardInstance.createMany({
      data: [{ cardKey: card.key, platform, type: card.type, subjectType: 'reconciliation', subjectId: o.month, recipients: toJsonColumn(to), model: toJsonColumn(card) }],
      skipDuplicates: true,
    });
    if (count === 0) continue;
    const userIds = to.map((r) => r.userId);
    const availableAt = o.recipients.availableAt({ legalDeadlineToday: false });
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card }, availableAt });
    await queueGroupCopy(deps, tx, { recipients: o.recipients, platform, card, availableAt });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: RECONCILIATION_DIGEST_CARD, platform, recipients: userIds } });
    if (queued === 0) await tx.reconciliationTask.updateMany({ where: { id: { in: o.tasks.map((t) => t.id) } }, data: { cardKey: card.key } });
    queued++;
  }
  return queued;
}

/** The money the task's details carry (在职未参保, 基数过低), from estimateTaskMoney. */
const moneyOf = (t: TaskRow): TaskMoney | undefined => (t.details as { money?: TaskMoney } | null)?.money;

/**
 * What a kind's tasks owe by the calculator: the sum of the priced tasks, partial when some could
 * not be priced; nothing for a kind without money or with no task priced.
 */
function owedOf(tasks: TaskRow[]): { owedFen?: number; owedPartial?: boolean } {
  const priced = tasks.flatMap((t) => { const m = moneyOf(t); return m?.estimated ? [m] : []; });
  if (priced.length === 0) return {};
  return { owedFen: priced.reduce((s, m) => s + m.grandTotalFen, 0), owedPartial: priced.length < tasks.length };
}
