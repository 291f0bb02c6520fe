// Exact products of integer fen and decimal-string rates. A rate "0.0026" is read as the integer
// 26 over 10^4, products are taken in BigInt and rounded once, half up: no float ever touches an
// amount, so base × rate × days gives the same fen on every machine.

export type Rounding = 'fen' | 'jiao' | 'yuan';

const STEP_FEN: Record<Rounding, bigint> = { fen: 1n, jiao: 10n, yuan: 100n };

export interface ExactRate {
  numerator: bigint;
  denominator: bigint;
}

/** "0.16" → 16/100. Throws on anything that is not a plain non-negative decimal (the schema refuses those first). */
export function parseRate(text: string): ExactRate {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal rate: ${text}`);
  const decimals = m[2] ?? '';
  return { numerator: BigInt(m[1]! + decimals), denominator: 10n ** BigInt(decimals.length) };
}

/**
 * amountFen × each rate, rounded half up to the step (fen, jiao = 10 fen, yuan = 100 fen).
 * @example multiplyRounded(500_000, [parseRate('0.16')], 'fen') // 80_000
 */
export function multiplyRounded(amountFen: number, factors: readonly (ExactRate | bigint)[], rounding: Rounding = 'fen'): number {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new Error(`amount must be non-negative integer fen: ${amountFen}`);
  let num = BigInt(amountFen);
  let den = 1n;
  for (const f of factors) {
    if (typeof f === 'bigint') num *= f;
    else { num *= f.numerator; den *= f.denominator; }
  }
  const unit = den * STEP_FEN[rounding];
  return Number(((2n * num + unit) / (2n * unit)) * STEP_FEN[rounding]);
}

/** "0.0005" → "0.05%" for people. */
export function ratePercent(text: string): string {
  const { numerator, denominator } = parseRate(text);
  const hundredths = numerator * 100n;
  const whole = hundredths / denominator;
  const rest = hundredths % denominator;
  if (rest === 0n) return `${whole}%`;
  const digits = String(denominator).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}%`;
}
