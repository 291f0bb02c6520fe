// Ack with a deadline (bolt-js HTTPResponseAck, octokit webhooks): the receiver answers as soon
// as the delivery is durably recorded; the listener runs out of band, so a slow listener never
// makes the platform time out and retry.
import type { BotRouter } from '../bot/bot-router.ts';
import type { InboundEvent } from '../bot/inbound-event.ts';
import type { Logger } from '../log.ts';

/** accepted: recorded, handling started; duplicate: seen before; late: not recorded in time. */
export type AcceptOutcome = 'accepted' | 'duplicate' | 'late';

/**
 * Records the delivery (dedupe insert) within `deadlineMs`, then starts `router.handle`
 * without awaiting it. Rejects when recording fails in time (the platform should retry).
 */
export async function acceptAndDispatch(router: BotRouter, event: InboundEvent, log: Logger, deadlineMs: number): Promise<AcceptOutcome> {
  const recorded = router.accept(event).then((fresh) => {
    if (fresh) handleOutOfBand(router, event, log);
    return fresh ? ('accepted' as const) : ('duplicate' as const);
  });
  // Logged here because after a 'late' answer nobody else awaits it.
  recorded.catch((error: unknown) => log.error({ err: error }, 'could not record the delivery: is the database reachable? The platform will retry'));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  try {
    return await Promise.race([recorded, late]);
  } finally {
    clearTimeout(timer);
  }
}

function handleOutOfBand(router: BotRouter, event: InboundEvent, log: Logger): void {
  router.handle(event).catch((error: unknown) => {
    log.error({ err: error }, 'handling failed after the ack; the InboundDelivery row keeps the error');
  });
}
