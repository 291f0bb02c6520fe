import type { Logger } from '../log.ts';
import type { ServiceDeps } from '../services/deps.ts';

export interface JobContext {
  deps: ServiceDeps;
  /** 'YYYY-MM-DD' in BUSINESS_TZ: the job acts as at the end of this day. */
  asOf: string;
  log: Logger;
}

/**
 * A named, idempotent job: running it twice for the same asOf finds nothing new the second
 * time. `cron` is read in BUSINESS_TZ by the scheduler; `sentinel job run` ignores it.
 */
export interface JobDefinition {
  name: string;
  description: string;
  cron: string;
  /** Returns the one-line summary: what it found, what it queued. */
  run(ctx: JobContext): Promise<string>;
}
