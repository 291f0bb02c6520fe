// The sandbox chat's receiver: what a tester types or clicks in /sandbox becomes the same
// InboundEvent a WeCom or DingTalk callback would, and goes through the same router and
// listeners. Like every receiver it only normalizes and hands over; it stores nothing itself.
//
// Unlike the platform receivers it awaits the listener instead of acking first: no platform
// deadline applies, and the tester learns at once whether the click worked (a failure comes
// back as a message the page shows) rather than staring at a card that never changes.
import type { BotRouter } from '../bot/bot-router.ts';
import { inboundEventSchema, type InboundEvent } from '../bot/inbound-event.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { SandboxOutcome } from '../domain/views/sandbox.ts';

export interface SandboxReceiverDeps {
  router: BotRouter;
  log: Logger;
  now: () => Date;
}

export interface SandboxReceiver {
  text(input: { userId: string; text: string; clientMessageId: string }): Promise<SandboxOutcome>;
  cardAction(input: { userId: string; cardKey: string; actionId: string; clientActionId: string }): Promise<SandboxOutcome>;
}

/**
 * @example
 * const receiver = createSandboxReceiver({ router, log, now: () => new Date() });
 * await receiver.cardAction({ userId: 'hr-specialist', cardKey, actionId, clientActionId: crypto.randomUUID() });
 */
export function createSandboxReceiver(deps: SandboxReceiverDeps): SandboxReceiver {
  async function deliver(raw: InboundEvent): Promise<SandboxOutcome> {
    const event = inboundEventSchema.parse(raw);
    if (!(await deps.router.accept(event))) return { status: 'duplicate' };
    try {
      // The router sends the listener's reply through the outbox; it is echoed here for the page.
      const reply = await deps.router.handle(event);
      return { status: 'handled', ...(reply && { reply: reply.text }) };
    } catch (error) {
      // The router has logged the failure with its delivery id; the tester gets the reason.
      const message = error instanceof AppError ? error.message : '处理失败，请查看服务日志';
      deps.log.warn({ deliveryId: event.deliveryId, route: event.kind }, 'sandbox delivery failed');
      return { status: 'failed', message };
    }
  }
  const base = (userId: string, deliveryId: string) => ({ platform: 'sandbox' as const, operatorUserId: userId, deliveryId, receivedAt: deps.now() });
  return {
    text: ({ userId, text, clientMessageId }) => deliver({ kind: 'message.text', ...base(userId, `msg:${clientMessageId}`), text }),
    cardAction: ({ userId, cardKey, actionId, clientActionId }) =>
      deliver({ kind: 'card.action', ...base(userId, `act:${clientActionId}`), cardKey, actionId }),
  };
}
