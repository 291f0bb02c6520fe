import { createHash } from 'node:crypto';

/**
 * A short tag of one chat delivery, used in the keys of the cards the bot answers with: a
 * redelivered message makes the same keys (sent once), a new message new ones (WeCom refuses a
 * task_id it has seen).
 */
export const deliveryTag = (deliveryId: string) => createHash('sha256').update(deliveryId).digest('hex').slice(0, 10);
