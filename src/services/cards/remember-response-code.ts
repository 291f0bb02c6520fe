import type { Tx } from '../../db/client.ts';

/**
 * Keeps a WeCom click's response_code (single use, 72 h) for the card update, merged into the
 * JSON in SQL: the outbox worker writes the send's codes into the same column, and a
 * read-modify-write here could drop them.
 */
export async function rememberResponseCode(tx: Tx, cardId: string, userId: string, code: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "CardInstance"
    SET "responseCodes" = COALESCE("responseCodes", '{}'::jsonb) || jsonb_build_object(${userId}::text, ${code}::text)
    WHERE id = ${cardId}::uuid`;
}

/** A click on a card that a service decides: its WeCom response_code is kept in the deciding transaction. */
export interface ClickReceipt {
  cardId: string;
  platformUserId: string;
  responseCode?: string;
}

/** rememberResponseCode for a service's optional click: nothing without a code. */
export async function rememberClick(tx: Tx, click: ClickReceipt | undefined): Promise<void> {
  if (click?.responseCode) await rememberResponseCode(tx, click.cardId, click.platformUserId, click.responseCode);
}
