// Records inbound deliveries with one multi-row INSERT … ON CONFLICT DO NOTHING for all the
// deliveries that arrive in the same tick. Each caller still gets its answer only after the
// batch has committed, so durability is unchanged; per-row ORM inserts were the bottleneck of
// the callback path (see bench/).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { coalescedBatches } from './coalesced-batches.ts';
import { routeOf, type InboundEvent } from './inbound-event.ts';

const MAX_BATCH = 200;

/** `record(event)` resolves true for a first delivery, false for one seen before. */
export function createDeliveryRecorder(db: Db): { record(event: InboundEvent): Promise<boolean> } {
  const keyOf = (e: InboundEvent) => `${e.platform}\u0000${e.deliveryId}`;
  const record = coalescedBatches(MAX_BATCH, async (batch: InboundEvent[]) => {
    // A copy arriving in the same batch is not fresh: only the first of each key may be.
    const firsts = new Map<string, number>();
    batch.forEach((e, i) => firsts.has(keyOf(e)) || firsts.set(keyOf(e), i));
    const rows = [...firsts.values()].map((i) => batch[i] as InboundEvent);
    const column = <T>(pick: (event: InboundEvent) => T) => rows.map(pick);
    // One statement text for every batch size (five arrays, not five parameters per row).
    const inserted = await db.$queryRawUnsafe<{ platform: string; deliveryId: string }[]>(
      `INSERT INTO "InboundDelivery" (id, platform, "deliveryId", route, payload)
       SELECT * FROM unnest($1::uuid[], $2::"Platform"[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (platform, "deliveryId") DO NOTHING RETURNING platform::text AS platform, "deliveryId"`,
      column(() => randomUUID()),
      column((e) => e.platform),
      column((e) => e.deliveryId),
      column(routeOf),
      column((e) => JSON.stringify(e)),
    );
    const fresh = new Set(inserted.map((r) => `${r.platform}\u0000${r.deliveryId}`));
    return batch.map((e, i) => firsts.get(keyOf(e)) === i && fresh.has(keyOf(e)));
  });
  return { record };
}
