// Reconnect delays. The SDK retries every second forever, so a gateway outage turns every
// instance into a steady hammer; an exponential step spreads retries out, and the jitter keeps
// instances that lost the gateway together from coming back in lockstep.

export interface BackoffOptions {
  /** First step; doubles each failed attempt. */
  baseMs: number;
  /** Largest step, so a long outage still retries about once a minute. */
  capMs: number;
  random?: () => number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, capMs: 60_000 };

/**
 * "Equal jitter": half the step is guaranteed, half is random, so a retry is never instant
 * (no tight loop against a gateway that refuses us) yet never synchronised.
 * @example backoffDelay(3, defaultBackoff) // between 4 000 and 8 000 ms
 */
export function backoffDelay(attempt: number, { baseMs, capMs, random = Math.random }: BackoffOptions): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return step / 2 + random() * (step / 2);
}
