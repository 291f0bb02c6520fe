// The group chat's copy of an alert card (notification preferences, docs/notifications.md): one
// outbox message per alert, in the transaction that queues the personal cards, held by quiet
// hours exactly as they are. A group id belongs to one platform (HrRecipients.group), so the copy
// goes with that platform's card only: an alert sent on two platforms still posts once.
import type { CardModel } from '../../../cards/card-model.ts';
import type { Tx } from '../../db/client.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { OutboundMessage } from '../../outbox/outbox.ts';
import type { ServiceDeps } from '../deps.ts';
import type { HrRecipients } from './find-hr-recipients.ts';

export interface GroupCopyOptions {
  recipients: Pick<HrRecipients, 'group'>;
  /** The platform of `card`. */
  platform: Platform;
  card: CardModel;
  /** The personal cards' availableAt (quiet hours). */
  availableAt?: Date;
}

/** The group copy's outbox key: one per group and alert card, so a rerun or retry queues nothing. */
export const groupCopyDedupeKey = (chatId: string, cardKey: string) => `group:${chatId}:${cardKey}`;

/** The group copy's outbox message, or null when HR chose no group on this platform (a sweep's batch enqueues many at once). */
export function groupCopyMessage(o: GroupCopyOptions): OutboundMessage | null {
  const group = o.recipients.group;
  if (!group || group.platform !== o.platform) return null;
  return {
    dedupeKey: groupCopyDedupeKey(group.chatId, o.card.key),
    platform: o.platform,
    recipients: [],
    payload: { kind: 'group', chatId: group.chatId, card: o.card },
    availableAt: o.availableAt,
  };
}

/**
 * @example await queueGroupCopy(deps, tx, { recipients: hr, platform, card, availableAt }); // → true when queued
 */
export async function queueGroupCopy(deps: Pick<ServiceDeps, 'outbox'>, tx: Tx, o: GroupCopyOptions): Promise<boolean> {
  const message = groupCopyMessage(o);
  if (!message) return false;
  await deps.outbox.enqueue(tx, message);
  return true;
}
