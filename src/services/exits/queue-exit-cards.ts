// Exit cards for a sweep's batch in a handful of statements: the recipients once per audience,
// the card rows in one INSERT (a key already there is skipped, so a rerun queues nothing twice),
// their outbox messages and group copies in one enqueueMany, their audit events in one INSERT.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { AuditEventRow } from '../audit/write-audit-event.ts';
import { queueCards } from '../cards/queue-cards.ts';
import type { ServiceDeps } from '../deps.ts';
import { exitCardRows, type ExitCardRow, type ExitCardSpec } from './exit-card-rows.ts';
import { findExitRecipients, type ExitAudience, type ExitRecipients } from './exit-recipients.ts';

/**
 * The recipients of many specs with one query per distinct audience (the named employees of all
 * specs together), as a lookup by audience. `shared`: the HR audiences already looked up by this
 * run (a sweep's batches share them: one query per run instead of one per batch).
 * @example const of = await findExitAudiences(deps, tx, specs.map((s) => s.audience), more.sharedAudiences); of({ kind: 'hrManagers' })
 */
export async function findExitAudiences(deps: ServiceDeps, tx: Tx, audiences: readonly ExitAudience[], shared = new Map<string, ExitRecipients>()): Promise<(a: ExitAudience) => ExitRecipients> {
  const clock = { now: deps.now(), businessTz: deps.businessTz };
  const named = new Set<string>();
  for (const a of audiences) {
    if (a.kind === 'employees') a.ids.forEach((id) => named.add(id));
    else if (!shared.has(audienceKey(a))) shared.set(audienceKey(a), await findExitRecipients(tx, deps.chatPlatforms, a, clock));
  }
  const employees = named.size > 0 ? await findExitRecipients(tx, deps.chatPlatforms, { kind: 'employees', ids: [...named] }, clock) : null;
  return (a) => {
    if (a.kind !== 'employees') return shared.get(audienceKey(a)) as ExitRecipients;
    const ids = new Set(a.ids);
    return Object.assign(new Map([...(employees ?? [])].map(([p, all]) => [p, all.filter((r) => ids.has(r.employeeId))])), { group: null });
  };
}

const audienceKey = (a: Exclude<ExitAudience, { kind: 'employees' }>) => (a.kind === 'hr' ? `hr:${a.alertKind ?? 'exitTasks'}` : a.kind);

/**
 * Writes planned card rows; returns the keys of the cards queued now (a key already stored is left alone).
 * `alsoAudit`: the caller's own audit events of this change, written in the same INSERT as the cards' (one statement less per batch).
 * @example await writeExitCards(deps, tx, actor, rows) // → Set { 'ex-…-due-wecom' }
 */
export async function writeExitCards(deps: ServiceDeps, tx: Tx, actor: Actor, rows: readonly ExitCardRow[], alsoAudit: readonly AuditEventRow[] = []): Promise<Set<string>> {
  return queueCards(deps, tx, actor, rows.map(({ spec, platform, card, to, group }) => ({
    card, platform, to, group, subject: { type: spec.subjectType, id: spec.subjectId }, employeeId: spec.employeeId,
  })), alsoAudit);
}

/**
 * Many exit cards in the caller's transaction; returns, per spec, the keys of the cards queued now.
 * `more.alsoAudit` as for writeExitCards; `more.sharedAudiences` as `shared` of findExitAudiences.
 * @example await queueExitCards(deps, tx, actor, [{ subjectType: 'exit_task', subjectId, employeeId, stage: 'due', audience, build }])
 */
export async function queueExitCards(deps: ServiceDeps, tx: Tx, actor: Actor, specs: readonly ExitCardSpec[], more: { alsoAudit?: readonly AuditEventRow[]; sharedAudiences?: Map<string, ExitRecipients> } = {}): Promise<string[][]> {
  const recipientsOf = await findExitAudiences(deps, tx, specs.map((s) => s.audience));
  const rows = specs.map((spec) => exitCardRows(spec, recipientsOf(spec.audience)));
  const queued = await writeExitCards(deps, tx, actor, rows.flat(), more.alsoAudit);
  return rows.map((r) => r.map((row) => row.card.key).filter((key) => queued.has(key)));
}
