import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { parseOutboundPayload, parseOutboxRecipients } from '../../outbox/outbox-message-json.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ListDeadLettersOptions {
  actor: Actor;
  platform?: Platform;
  /** Keyset paging: messages created before this instant (newest first). */
  before?: Date;
  limit: number;
}

/** Messages the outbox gave up on, newest first, with the last error so HR can act on it. */
export async function listDeadLetters(deps: ServiceDeps, opts: ListDeadLettersOptions) {
  authorize(opts.actor, 'outbox.list');
  const rows = await deps.db.outboxMessage.findMany({
    where: { status: 'DEAD', platform: opts.platform, ...(opts.before && { createdAt: { lt: opts.before } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: opts.limit,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      dedupeKey: r.dedupeKey,
      platform: r.platform,
      kind: r.kind,
      recipients: parseOutboxRecipients(r.recipients),
      title: titleOf(r.payload),
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length === opts.limit ? (rows.at(-1)?.createdAt.toISOString() ?? null) : null,
  };
}

/** The card title or the start of the text: enough to recognise the message. */
function titleOf(json: unknown): string {
  const p = parseOutboundPayload(json);
  return (p.kind === 'text' ? p.text : p.kind === 'file' ? '' : p.card.title).slice(0, 80);
}
