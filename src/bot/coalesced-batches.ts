// A tiny group commit: calls made in the same tick are gathered and run as one batch (one SQL
// statement), each caller getting its own answer only after the batch has finished. Used by the
// delivery recorder (the dedupe INSERT before the ack) and the handled marker (the UPDATE after).
interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * @param runBatch answers the items in order; a throw rejects every caller of the batch.
 * @example const record = coalescedBatches(200, (events) => insertAll(events)); await record(event);
 */
export function coalescedBatches<T, R>(maxBatch: number, runBatch: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  const queue: Pending<T, R>[] = [];
  const flush = async () => {
    const batch = queue.splice(0, maxBatch);
    if (queue.length > 0) setImmediate(() => void flush());
    try {
      const results = await runBatch(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i] as R));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (queue.length === 1) setImmediate(() => void flush());
    });
}
