import type { Actor } from '../domain/actor.ts';
import type { Logger } from '../log.ts';
import type { ServiceDeps } from '../services/deps.ts';
import type { InboundEvent } from './inbound-event.ts';

export interface ListenerContext<E extends InboundEvent = InboundEvent> {
  event: E;
  /** The employee behind operatorUserId, when the platform identity is known. */
  actor: Actor | undefined;
  deps: ServiceDeps;
  log: Logger;
}

/** What a listener may answer: a text reply to the operator (sent through the outbox). */
export interface ListenerReply {
  text: string;
}

/**
 * Constraint + handler (bolt-js style): `route` is 'card.action', 'message.text' or
 * 'event.<name>'; `actionId` narrows card actions to one button.
 */
export interface Listener {
  route: string;
  actionId?: string;
  handle(ctx: ListenerContext): Promise<ListenerReply | void>;
}
