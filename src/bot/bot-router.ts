// Platform-neutral router: dedupe on (platform, deliveryId), resolve the operator, find the
// listener for the route, run it. Receivers call `accept` (fast, durable) and ack; the
// handling runs out of band so no platform deadline is missed.
import { isTransientDbError } from '../db/transient-db-error.ts';
import type { Logger } from '../log.ts';
import { lazyChild } from '../log-lazy-child.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { loadEmployeeActor } from '../services/sessions/load-employee-actor.ts';
import { createDeliveryRecorder } from './delivery-recorder.ts';
import { createHandledMarker } from './handled-marker.ts';
import { routeOf, type InboundEvent } from './inbound-event.ts';
import type { Listener, ListenerReply } from './listener.ts';

export interface BotRouter {
  /** Records the delivery; false when it was seen before (a platform retry or a replay). */
  accept(event: InboundEvent): Promise<boolean>;
  /** Runs the listener for an accepted event and marks the delivery handled. */
  handle(event: InboundEvent): Promise<ListenerReply | void>;
  /** Resolves once every handling started so far has ended (a graceful stop waits for them). */
  drain(): Promise<void>;
}

export function createBotRouter(deps: ServiceDeps, listeners: Listener[], log: Logger): BotRouter {
  const recorder = createDeliveryRecorder(deps.db);
  const marker = createHandledMarker(deps.db);
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(handling: Promise<T>): Promise<T> => {
    inFlight.add(handling);
    void handling.then(() => inFlight.delete(handling), () => inFlight.delete(handling));
    return handling;
  };
  return {
    async accept(event) {
      const fresh = await recorder.record(event);
      if (!fresh) log.info({ platform: event.platform, deliveryId: event.deliveryId }, 'duplicate delivery ignored');
      return fresh;
    },
    handle: (event) => track(handleOne(event)),
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };

  async function handleOne(event: InboundEvent): Promise<ListenerReply | void> {
    const route = routeOf(event);
    const child = lazyChild(log, { platform: event.platform, deliveryId: event.deliveryId, route });
    const listener = listeners.find((l) => l.route === route && (!l.actionId || (event.kind === 'card.action' && event.actionId === l.actionId)));
    if (!listener) {
      child.info('no listener for this route');
      await marker.mark({ event, handledAt: deps.now(), error: 'no listener' });
      return;
    }
    const identity = await deps.db.platformIdentity.findUnique({
      where: { platform_userId: { platform: event.platform, userId: event.operatorUserId } },
      select: { employeeId: true },
    });
    const actor = identity ? await loadEmployeeActor(deps.db, identity.employeeId) : undefined;
    try {
      const reply = await listener.handle({ event, actor, deps, log: child });
      if (!reply) {
        await marker.mark({ event, handledAt: deps.now(), error: null });
        return reply;
      }
      await deps.db.$transaction(async (tx) => {
        // The answer goes back to the operator through the outbox, keyed by the delivery, so a
        // redelivered callback never answers twice; the handled mark commits with it.
        await deps.outbox.enqueue(tx, { dedupeKey: `reply:${event.platform}:${event.deliveryId}`, platform: event.platform, recipients: [event.operatorUserId], payload: { kind: 'text', text: reply.text } });
        await tx.inboundDelivery.updateMany({ where: { platform: event.platform, deliveryId: event.deliveryId }, data: { handledAt: deps.now() } });
      });
      return reply;
    } catch (error) {
      if (isTransientDbError(error)) {
        // Lost a race to another transaction: left unmarked, so the redrive handles it again.
        child.warn({ err: error }, 'listener lost a database race; the delivery will be handled again');
        throw error;
      }
      child.error({ err: error }, 'listener failed');
      await marker.mark({ event, handledAt: deps.now(), error: String((error as Error).message).slice(0, 500) });
      throw error;
    }
  }
}
