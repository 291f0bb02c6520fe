// What the domain wants to know when the outbox has delivered a message: a hook per dedupe-key
// prefix (e.g. exit notices record the delivery in their evidence). Hooks run in the transaction
// that marks the message SENT, so "sent" and its record commit together, exactly once.
import type { Tx } from '../db/client.ts';
import type { Platform } from '../generated/prisma/client.ts';

export interface DeliveredMessage {
  id: string;
  dedupeKey: string;
  platform: Platform;
  kind: string;
  recipients: string[];
  sentAt: Date;
  result: unknown;
}

export interface DeliveryHook {
  /** Messages whose dedupeKey starts with this. */
  prefix: string;
  onDelivered(tx: Tx, message: DeliveredMessage): Promise<void>;
}

export function hooksFor(hooks: readonly DeliveryHook[] | undefined, dedupeKey: string): DeliveryHook[] {
  return (hooks ?? []).filter((h) => dedupeKey.startsWith(h.prefix));
}
