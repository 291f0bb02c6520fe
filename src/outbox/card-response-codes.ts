// WeCom hands out one response_code per card send (and per click); each updates the card once.
// They live in CardInstance.responseCodes as {userId: code}. Both writes are single SQL
// statements, so a click storing a fresh code at the same moment is never lost.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CardModel } from '../../cards/card-model.ts';
import type { Db } from '../db/client.ts';
import { parseJsonColumn } from '../domain/parse-json-column.ts';
import type { Platform } from '../generated/prisma/client.ts';

/** {userId: response_code}. */
const responseCodesSchema = z.record(z.string(), z.string());

/** Records the codes of a sent card, creating its CardInstance if the sender did not. */
export async function storeResponseCodes(db: Db, opts: { platform: Platform; card: CardModel; recipients: string[]; codes: Record<string, string> }): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "CardInstance" ("id", "cardKey", "platform", "type", "recipients", "model", "responseCodes", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${opts.card.key}, ${opts.platform}::"Platform", ${opts.card.type},
            ${JSON.stringify(opts.recipients)}::jsonb, ${JSON.stringify(opts.card)}::jsonb, ${JSON.stringify(opts.codes)}::jsonb, now())
    ON CONFLICT ("cardKey") DO UPDATE
      SET "responseCodes" = COALESCE("CardInstance"."responseCodes", '{}'::jsonb) || EXCLUDED."responseCodes",
          "updatedAt" = now()`;
}

export const parseResponseCodes = (json: unknown): Record<string, string> => parseJsonColumn('CardInstance.responseCodes', responseCodesSchema, json ?? {});

/** Forgets the codes just consumed; a code stored since (a newer click) stays. */
export async function releaseResponseCodes(db: Db, cardKey: string, used: Record<string, string>): Promise<void> {
  if (Object.keys(used).length === 0) return;
  await db.$executeRaw`
    UPDATE "CardInstance" c
       SET "responseCodes" = (
             SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
               FROM jsonb_each(COALESCE(c."responseCodes", '{}'::jsonb)) e
              WHERE NOT (${JSON.stringify(used)}::jsonb @> jsonb_build_object(e.key, e.value))),
           "updatedAt" = now()
     WHERE c."cardKey" = ${cardKey}`;
}
