// Marks inbound deliveries handled with one UPDATE … FROM unnest(…) for all the marks gathered
// while the previous batches commit, like the delivery recorder's INSERT: out-of-band handling that ends without a
// reply (no listener, a listener with nothing to say, a failed listener) no longer costs one
// commit per delivery. Each caller's promise settles only after its batch has committed.
import type { Db } from '../db/client.ts';
import { coalescedBatches } from './coalesced-batches.ts';
import type { InboundEvent } from './inbound-event.ts';

export interface HandledMark {
  event: Pick<InboundEvent, 'platform' | 'deliveryId'>;
  handledAt: Date;
  /** Why handling ended without effect ('no listener', the listener's error), or null. */
  error: string | null;
}

/** Two statements at once, the rest gathering into the next batch (see coalescedBatches). */
const COALESCING = { maxBatch: 200, maxInFlight: 2 };

/** `mark(m)` resolves once the delivery's handledAt (and error) are committed. */
export function createHandledMarker(db: Db): { mark(mark: HandledMark): Promise<void> } {
  const mark = coalescedBatches(COALESCING, async (marks: HandledMark[]) => {
    await db.$executeRawUnsafe(
      `UPDATE "InboundDelivery" d SET "handledAt" = v.at, error = v.error
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS v(platform, "deliveryId", at, error)
       WHERE d.platform = v.platform::"Platform" AND d."deliveryId" = v."deliveryId"`,
      marks.map((m) => m.event.platform),
      marks.map((m) => m.event.deliveryId),
      marks.map((m) => m.handledAt.toISOString()),
      marks.map((m) => m.error),
    );
    return marks.map(() => undefined);
  });
  return { mark };
}
