// Many card rows in one INSERT from a single JSON parameter, for a sweep's batch: Prisma's
// createMany costs ≈ 2 ms of client work per row with a card model in it (200 rows 350–530 ms
// against 67 ms for this statement).
import type { Tx } from '../../db/client.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardModel } from '../../../cards/card-model.ts';
import type { CardRecipient } from './card-instance-json.ts';

export interface CardInstanceRow {
  cardKey: string;
  platform: Platform;
  type: string;
  subjectType: string;
  subjectId: string;
  recipients: CardRecipient[];
  model: CardModel;
}

/**
 * Returns the keys inserted now: a card key already stored (a rerun, a racing instance) is left
 * alone, and the caller queues messages only for the keys returned.
 * @example await insertCardInstances(tx, [{ cardKey, platform: 'wecom', type, subjectType: 'absence_case', subjectId, recipients, model: card }]) // → Set { cardKey }
 */
export async function insertCardInstances(tx: Tx, rows: readonly CardInstanceRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const created = await tx.$queryRaw<{ cardKey: string }[]>`
    INSERT INTO "CardInstance" (id, "cardKey", platform, type, "subjectType", "subjectId", recipients, model, "updatedAt")
    SELECT gen_random_uuid(), r."cardKey", r.platform::"Platform", r.type, r."subjectType", r."subjectId", r.recipients, r.model, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("cardKey" text, platform text, type text, "subjectType" text, "subjectId" text, recipients jsonb, model jsonb)
    ON CONFLICT ("cardKey") DO NOTHING
    RETURNING "cardKey"`;
  return new Set(created.map((c) => c.cardKey));
}
