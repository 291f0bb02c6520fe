import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Platform } from '../../generated/prisma/client.ts';
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
      recipients: r.recipients as string[],
      title: titleOf(r.payload),
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length === opts.limit ? (rows.at(-1)?.createdAt.toISOString() ?? null) : null,
  };
}

/** The card title or the start of the text: enough to recognise the message. */
function titleOf(payload: unknown): string {
  const p = payload as { kind?: string; text?: string; card?: { title?: string } };
  return (p.card?.title ?? p.text ?? '').slice(0, 80);
}
