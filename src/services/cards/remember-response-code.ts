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
