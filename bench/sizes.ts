// Roster and ledger sizes of a bench run. The defaults are the issue's; BENCH_SIZES overrides
// them for a quick run (BENCH_SIZES=2000,20000 node bench/run.ts) and BENCH_MAX adds the opt-in
// largest size (BENCH_MAX=1000000): 1M does not fit the 30-minute run on the 2-core machine.
const parse = (s: string | undefined) => (s ?? '').split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x > 0);

/** Ascending sizes: BENCH_SIZES, else `defaults`, plus BENCH_MAX when set. */
export function benchSizes(defaults: number[]): number[] {
  const chosen = parse(process.env.BENCH_SIZES);
  const sizes = chosen.length > 0 ? chosen : defaults;
  const max = parse(process.env.BENCH_MAX)[0];
  return [...new Set([...sizes, ...(max ? [max] : [])])].sort((a, b) => a - b);
}

/** "10k", "100k", "1M". */
export const sizeLabel = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
