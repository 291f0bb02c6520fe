// Records inbound deliveries with one multi-row INSERT … ON CONFLICT DO NOTHING for all the
// deliveries gathered while the previous batches commit. Each caller still gets its answer only
// after its batch has committed (the statement runs in autocommit: one statement, no
// transaction wrapper), so durability is unchanged; per-row ORM inserts were the bottleneck of
// the callback path (see bench/).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { coalescedBatches } from './coalesced-batches.ts';
import { routeOf, type InboundEvent } from './inbound-event.ts';

/** Two statements at once: one commits while the next batch gathers (see coalescedBatches). */
const COALESCING = { maxBatch: 200, maxInFlight: 2 };

// One statement text for every batch size (five arrays, not five parameters per row), so it is
// parsed and planned once per connection as a named prepared statement.
const INSERT_DELIVERIES = `INSERT INTO "InboundDelivery" (id, platform, "deliveryId", route, payload)
  SELECT * FROM unnest($1::uuid[], $2::"Platform"[], $3::text[], $4::text[], $5::jsonb[])
  ON CONFLICT (platform, "deliveryId") DO NOTHING RETURNING platform::text AS platform, "deliveryId"`;

type Inserted = { platform: string; deliveryId: string };

/** `record(event)` resolves true for a first delivery, false for one seen before. */
export function createDeliveryRecorder(db: Db): { record(event: InboundEvent): Promise<boolean> } {
  const insert = (values: unknown[]) => preparedQuery<Inserted>(db, 'record-inbound-deliveries', INSERT_DELIVERIES, values);
  const keyOf = (e: { platform: string; deliveryId: string }) => `${e.platform}\u0000${e.deliveryId}`;
  const record = coalescedBatches(COALESCING, async (batch: InboundEvent[]) => {
    // A copy arriving in the same batch is not fresh: only the first of each key may be.
    const firsts = new Map<string, number>();
    batch.forEach((e, i) => firsts.has(keyOf(e)) || firsts.set(keyOf(e), i));
    const rows = [...firsts.values()].map((i) => batch[i] as InboundEvent);
    const column = <T>(pick: (event: InboundEvent) => T) => rows.map(pick);
    const inserted = await insert([column(() => randomUUID()), column((e) => e.platform), column((e) => e.deliveryId), column(routeOf), column((e) => JSON.stringify(e))]);
    const fresh = new Set(inserted.map(keyOf));
    return batch.map((e, i) => firsts.get(keyOf(e)) === i && fresh.has(keyOf(e)));
  });
  return { record };
}
