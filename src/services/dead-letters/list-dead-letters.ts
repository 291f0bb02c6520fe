import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { parseDeliveryResult, parseOutboundPayload, parseOutboxRecipients } from '../../outbox/outbox-message-json.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ListDeadLettersOptions {
  actor: Actor;
  platform?: Platform;
  /** Keyset paging: messages created before this instant (newest first). */
  before?: Date;
  limit: number;
}

/**
 * Messages the outbox gave up on, newest first, with the last error so HR can act on it: whole
 * messages, and one row per member a platform refused while the others got it (partial-delivery.ts).
 */
export async function listDeadLetters(deps: ServiceDeps, opts: ListDeadLettersOptions) {
  authorize(opts.actor, 'outbox.list');
  const rows = await deps.db.outboxMessage.findMany({
    where: { status: 'DEAD', platform: opts.platform, ...(opts.before && { createdAt: { lt: opts.before } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: opts.limit,
  });
  const owed = rows.map((r) => ({ row: r, recipients: undeliveredTo(r) }));
  const names = await employeeNames(deps, owed.map((o) => ({ platform: o.row.platform, userIds: o.recipients })));
  return {
    items: owed.map(({ row: r, recipients }) => ({
      id: r.id,
      dedupeKey: r.dedupeKey,
      platform: r.platform,
      kind: r.kind,
      recipients,
      /** Who did not get it, by name (the platform account where no employee is bound to it). */
      recipientNames: recipients.map((u) => names.get(`${r.platform}:${u}`) ?? u),
      title: titleOf(r.payload),
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length === opts.limit ? (rows.at(-1)?.createdAt.toISOString() ?? null) : null,
  };
}

/** The members still owed the message: those a flow-controlled retry round was for, else all. */
function undeliveredTo(row: { recipients: unknown; result: unknown }): string[] {
  const retry = parseDeliveryResult(row.result)?.retryRecipients;
  return retry?.length ? retry : parseOutboxRecipients(row.recipients);
}

async function employeeNames(deps: ServiceDeps, groups: { platform: Platform; userIds: string[] }[]): Promise<Map<string, string>> {
  const byPlatform = new Map<Platform, Set<string>>();
  for (const g of groups) for (const u of g.userIds) byPlatform.set(g.platform, (byPlatform.get(g.platform) ?? new Set()).add(u));
  const wanted = [...byPlatform].map(([platform, ids]) => ({ platform, userId: { in: [...ids] } }));
  if (wanted.length === 0) return new Map();
  const found = await deps.db.platformIdentity.findMany({ where: { OR: wanted }, select: { platform: true, userId: true, employee: { select: { name: true } } } });
  return new Map(found.map((f) => [`${f.platform}:${f.userId}`, f.employee.name]));
}

/** The card title or the start of the text: enough to recognise the message. */
function titleOf(json: unknown): string {
  const p = parseOutboundPayload(json);
  return (p.kind === 'text' ? p.text : p.kind === 'file' ? '' : p.card.title).slice(0, 80);
}
