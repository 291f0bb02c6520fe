// DingTalk Stream receiver: transport only. Frames become InboundEvents, the router records
// them (dedupe + durability), the frame is acked, and the listener runs out of band.
import { TOPIC_CARD, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { BotRouter } from '../../bot/bot-router.ts';
import type { Env } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { acceptAndDispatch } from '../accept-and-dispatch.ts';
import type { BackoffOptions } from './backoff.ts';
import type { DownstreamFrame } from './frames.ts';
import { normalizeCardCallback } from './normalize-card-callback.ts';
import { normalizeEvent } from './normalize-event.ts';
import { normalizeRobotMessage } from './normalize-robot-message.ts';
import type { Normalized } from './normalized.ts';
import { SentinelStreamClient, type EventAckStatus, type StreamStatus } from './stream-client.ts';

export interface DingtalkStreamReceiverOptions {
  config: Pick<Env, 'DINGTALK_CLIENT_ID' | 'DINGTALK_CLIENT_SECRET' | 'DINGTALK_STREAM_GATEWAY'>;
  router: BotRouter;
  log: Logger;
  backoff?: BackoffOptions;
  heartbeatMs?: number;
}

export interface DingtalkStreamReceiver {
  /** For /readyz: 'connecting' | 'connected' | 'reconnecting' | 'stopped', the last error, connections opened. */
  state(): StreamStatus;
  stop(): Promise<void>;
}

/** Card callbacks must be answered within 2 s: the insert gets 1.5 s, the ack the rest. */
const ACCEPT_BUDGET_MS = 1_500;

/**
 * Connects to the DingTalk Stream gateway and keeps connecting (backoff) until stopped.
 * @example
 * const dingtalk = startDingtalkStreamReceiver({ config: env, router, log });
 * createApp({ ..., platformStates: () => [{ name: 'dingtalk', ...dingtalk.state() }] });
 * await dingtalk.stop();
 */
export function startDingtalkStreamReceiver(opts: DingtalkStreamReceiverOptions): DingtalkStreamReceiver {
  const { config, router, log } = opts;
  if (!config.DINGTALK_CLIENT_ID || !config.DINGTALK_CLIENT_SECRET) {
    throw new Error('DingTalk Stream needs DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET');
  }
  const client = new SentinelStreamClient({
    clientId: config.DINGTALK_CLIENT_ID,
    clientSecret: config.DINGTALK_CLIENT_SECRET,
    gateway: config.DINGTALK_STREAM_GATEWAY,
    log,
    backoff: opts.backoff,
    heartbeatMs: opts.heartbeatMs,
  });

  // CALLBACK: record (dedupe + durability), then ack. A delivery not recorded within the budget
  // is left unacked: DingTalk redelivers it and the redelivery is deduplicated. Acking first
  // could lose a click if the insert then failed.
  async function onCallback(frame: DWClientDownStream, normalize: (f: DownstreamFrame, at: Date) => Normalized): Promise<void> {
    const messageId = frame.headers.messageId;
    const child = log.child({ platform: 'dingtalk', deliveryId: messageId, topic: frame.headers.topic });
    const normalized = normalize(frame, new Date());
    if (!normalized.ok) {
      child.warn({ problem: normalized.problem }, 'DingTalk callback acked without effect');
      client.socketCallBackResponse(messageId, {});
      return;
    }
    if ((await acceptAndDispatch(router, normalized.event, child, ACCEPT_BUDGET_MS)) === 'late') {
      child.warn('callback not recorded within 1.5 s: left unacked for redelivery; is the database slow?');
      return;
    }
    client.socketCallBackResponse(messageId, {});
  }

  function callbackListener(normalize: (f: DownstreamFrame, at: Date) => Normalized) {
    // acceptAndDispatch has logged a failed insert; the frame stays unacked so DingTalk redelivers.
    return (frame: DWClientDownStream) => void onCallback(frame, normalize).catch(() => undefined);
  }

  client.registerCallbackListener(TOPIC_CARD, callbackListener(normalizeCardCallback));
  client.registerCallbackListener(TOPIC_ROBOT, callbackListener(normalizeRobotMessage));
  // EVENT: persist first, then SUCCESS; a failed or late insert becomes LATER (redelivery).
  client.registerEventHandler(async (frame): Promise<EventAckStatus> => {
    const child = log.child({ platform: 'dingtalk', deliveryId: frame.headers.messageId, eventType: frame.headers.eventType });
    const normalized = normalizeEvent(frame, new Date());
    if (!normalized.ok) {
      child.warn({ problem: normalized.problem }, 'DingTalk event acked without effect');
      return 'SUCCESS';
    }
    const outcome = await acceptAndDispatch(router, normalized.event, child, ACCEPT_BUDGET_MS);
    return outcome === 'late' ? 'LATER' : 'SUCCESS';
  });

  void client.connect();
  return { state: () => client.status(), stop: () => client.close() };
}
