// The one shape every receiver (WeCom HTTP, DingTalk Stream, DingTalk HTTP, sandbox) produces.
// Receivers only normalize; the router dedupes on (platform, deliveryId) and dispatches.
import { z } from 'zod';

export const platformSchema = z.enum(['wecom', 'dingtalk', 'sandbox']);

const base = {
  platform: platformSchema,
  /** Unique per delivery: WeCom MsgId, or FromUserName+CreateTime for events; DingTalk messageId; sandbox: a uuid. */
  deliveryId: z.string().min(1).max(256),
  /** The platform user id of whoever caused the delivery. */
  operatorUserId: z.string().min(1).max(128),
  receivedAt: z.date(),
};

export const inboundEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('card.action'),
    ...base,
    /** WeCom TaskId / DingTalk outTrackId / sandbox card key. */
    cardKey: z.string().min(1).max(128),
    /** The clicked button's action id (a constant from cards/action-ids.ts). */
    actionId: z.string().min(1).max(128),
    /** WeCom only: single-use code allowing one update of this user's card. */
    responseCode: z.string().max(512).optional(),
  }),
  z.object({ kind: z.literal('message.text'), ...base, text: z.string().max(4096) }),
  z.object({ kind: z.literal('event'), ...base, name: z.string().min(1).max(64), data: z.record(z.string(), z.unknown()) }),
]);

export type InboundEvent = z.infer<typeof inboundEventSchema>;

/** The route name a listener subscribes to: 'card.action', 'message.text' or 'event.<name>'. */
export function routeOf(event: InboundEvent): string {
  return event.kind === 'event' ? `event.${event.name}` : event.kind;
}
