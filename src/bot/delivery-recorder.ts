// Records inbound deliveries with one multi-row INSERT … ON CONFLICT DO NOTHING for all the
// deliveries that arrive in the same tick. Each caller still gets its answer only after the
// batch has committed, so durability is unchanged; per-row ORM inserts were the bottleneck of
// the callback path (see bench/).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { routeOf, type InboundEvent } from './inbound-event.ts';

interface Pending {
  event: InboundEvent;
  resolve(fresh: boolean): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 200;

/** `record(event)` resolves true for a first delivery, false for one seen before. */
export function createDeliveryRecorder(db: Db): { record(event: InboundEvent): Promise<boolean> } {
  const queue: Pending[] = [];
  const flush = async () => {
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) setImmediate(() => void flush());
    const keyOf = (e: InboundEvent) => `${e.platform}\u0000${e.deliveryId}`;
    const firsts = new Map<string, Pending>();
    for (const p of batch) if (!firsts.has(keyOf(p.event))) firsts.set(keyOf(p.event), p);
    const rows = [...firsts.values()];
    const column = <T>(pick: (event: InboundEvent) => T) => rows.map(({ event }) => pick(event));
    try {
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
      for (const p of batch) p.resolve(firsts.get(keyOf(p.event)) === p && fresh.has(keyOf(p.event)));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };
  return {
    record(event) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ event, resolve, reject });
        if (queue.length === 1) setImmediate(() => void flush());
      });
    },
  };
}
