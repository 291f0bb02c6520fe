// A delivery is acked as soon as it is recorded and handled out of band (accept-and-dispatch.ts),
// so a process that dies in between (SIGKILL, a crash, a deploy) leaves a recorded delivery that
// nobody handles and the platform never resends. Every instance looks for those every 15 seconds and
// handles them again through the same router: the listeners are idempotent per delivery (card
// clicks are compare-and-set, replies and cards are keyed by the delivery id, a question typed in
// chat is stored once per delivery), so a delivery whose effects committed before the crash but
// whose handled mark did not changes nothing the second time.
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import type { BotRouter } from './bot-router.ts';
import { inboundEventSchema, type InboundEvent } from './inbound-event.ts';

/** Unhandled for this long means lost: handling takes well under a second when the process lives. */
export const REDRIVE_AFTER_SECONDS = 45;
/** Handled again at most this often; then the row is closed with an error for the operators. */
export const MAX_REDRIVES = 3;
const BATCH = 100;

// SKIP LOCKED: two instances sweeping at once take different rows. The clock is the database's,
// like receivedAt's default, so instances with drifting clocks agree on what is stale.
const CLAIM_STALE = `WITH stale AS (
    SELECT id FROM "InboundDelivery"
     WHERE "handledAt" IS NULL AND COALESCE("redrivenAt", "receivedAt") < now() - make_interval(secs => $1)
     ORDER BY "receivedAt" LIMIT $2 FOR UPDATE SKIP LOCKED)
  UPDATE "InboundDelivery" d
     SET "redrivenAt" = now(), "redriveCount" = d."redriveCount" + 1,
         "handledAt" = CASE WHEN d."redriveCount" >= $3 THEN now() END,
         error = CASE WHEN d."redriveCount" >= $3 THEN 'not handled after ' || $3 || ' redrives' END
    FROM stale WHERE d.id = stale.id
  RETURNING d.payload, d."deliveryId", d."handledAt" IS NOT NULL AS abandoned`;

interface Claimed {
  payload: unknown;
  deliveryId: string;
  abandoned: boolean;
}

export interface RedriveResult {
  redriven: number;
  abandoned: number;
  failed: number;
}

/**
 * Claims up to one batch of stale unhandled deliveries and handles each again (in order of
 * arrival, one at a time: the listener's work for one person's clicks stays in order).
 * @example await redriveStaleDeliveries(db, botRouter, log) // → { redriven: 1, abandoned: 0, failed: 0 }
 */
export async function redriveStaleDeliveries(db: Db, router: BotRouter, log: Logger): Promise<RedriveResult> {
  const rows = await db.$queryRawUnsafe<Claimed[]>(CLAIM_STALE, REDRIVE_AFTER_SECONDS, BATCH, MAX_REDRIVES);
  const result: RedriveResult = { redriven: 0, abandoned: 0, failed: 0 };
  for (const row of rows) {
    if (row.abandoned) {
      result.abandoned += 1;
      log.error({ deliveryId: row.deliveryId }, `delivery still unhandled after ${MAX_REDRIVES} redrives: closed with an error, look at its listener`);
      continue;
    }
    const event = storedEvent(row.payload);
    // Never expected (the recorder stores parsed events): left for the abandon above to close.
    if (!event) {
      result.failed += 1;
      continue;
    }
    result.redriven += 1;
    // A listener that fails records its error on the row and is not retried, unless it lost a
    // database race: then the row stays unhandled for the next sweep (bot-router.ts).
    await router.handle(event).catch(() => {
      result.failed += 1;
    });
  }
  if (rows.length > 0) log.warn(result, 'handled deliveries again that a stopped process had acked but not handled');
  return result;
}

/** The event as the recorder stored it (JSON: the date is a string there). */
function storedEvent(payload: unknown): InboundEvent | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  const parsed = inboundEventSchema.safeParse({ ...p, receivedAt: new Date(String(p.receivedAt)) });
  return parsed.success ? parsed.data : undefined;
}

/** Sweeps every `everyMs` until stopped; a sweep that fails (database down) is tried at the next tick. */
export function startDeliveryRedrive(db: Db, router: BotRouter, log: Logger, everyMs = 15_000): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    // A sweep still running (a slow or unreachable database) is not queued behind: the next tick looks again.
    running ??= redriveStaleDeliveries(db, router, log)
      .catch((err: unknown) => log.warn({ err }, 'delivery redrive failed; trying again at the next tick'))
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
