// A tiny group commit: calls are gathered and run as one batch (one SQL statement), each caller
// getting its own answer only after the batch has finished. Used by the delivery recorder (the
// dedupe INSERT before the ack) and the handled marker (the UPDATE after).
interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface CoalescingOptions {
  /** Most items per batch (one statement's arrays). */
  maxBatch: number;
  /**
   * Most batches running at once. While they all run, new calls wait and join the next batch,
   * so the batch grows with the load (adaptive window) instead of each tick sending its own
   * small statement and commit to queue for a pool connection.
   */
  maxInFlight: number;
}

/**
 * @param runBatch answers the items in order; a throw rejects every caller of the batch.
 * @example const record = coalescedBatches({ maxBatch: 200, maxInFlight: 2 }, (events) => insertAll(events)); await record(event);
 */
export function coalescedBatches<T, R>({ maxBatch, maxInFlight }: CoalescingOptions, runBatch: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  const queue: Pending<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;
  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= maxInFlight) return;
    scheduled = true;
    setImmediate(() => void flush());
  };
  const flush = async () => {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    inFlight++;
    schedule();
    try {
      const results = await runBatch(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i] as R));
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      inFlight--;
      schedule();
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
