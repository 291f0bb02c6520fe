import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { coalescedBatches } from '../../src/bot/coalesced-batches.ts';

/** A runBatch whose batches finish only when the test releases them. */
function gatedBatches() {
  const batches: number[][] = [];
  const gates: ((fail?: boolean) => void)[] = [];
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(items);
      gates.push((fail) => (fail ? reject(new Error('batch failed')) : resolve(items.map((i) => i * 10))));
    });
  return { batches, gates, run };
}

describe('coalescedBatches', () => {
  it('gathers the calls made while the in-flight batches run into one next batch', async () => {
    const g = gatedBatches();
    const call = coalescedBatches({ maxBatch: 100, maxInFlight: 1 }, g.run);
    const first = call(1);
    await nextTurn();
    const rest = [call(2), call(3), call(4)];
    await nextTurn();
    expect(g.batches).toEqual([[1]]); // the second batch waits for the first
    g.gates[0]?.();
    expect(await first).toBe(10);
    await nextTurn();
    expect(g.batches).toEqual([[1], [2, 3, 4]]);
    g.gates[1]?.();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('runs up to maxInFlight batches at once and splits at maxBatch', async () => {
    const g = gatedBatches();
    const call = coalescedBatches({ maxBatch: 2, maxInFlight: 2 }, g.run);
    const answers = Promise.all([1, 2, 3, 4, 5].map((i) => call(i)));
    await nextTurn();
    await nextTurn();
    expect(g.batches).toEqual([[1, 2], [3, 4]]);
    g.gates[0]?.();
    await nextTurn();
    await nextTurn();
    expect(g.batches).toEqual([[1, 2], [3, 4], [5]]);
    g.gates[1]?.();
    g.gates[2]?.();
    expect(await answers).toEqual([10, 20, 30, 40, 50]);
  });

  it('rejects only the callers of a failed batch and keeps serving the next ones', async () => {
    const g = gatedBatches();
    const call = coalescedBatches({ maxBatch: 100, maxInFlight: 1 }, g.run);
    const failed = call(1);
    await nextTurn();
    g.gates[0]?.(true);
    await expect(failed).rejects.toThrow('batch failed');
    const next = call(2);
    await nextTurn();
    g.gates[1]?.();
    expect(await next).toBe(20);
  });
});
