// DingTalk HTTP event mode (optional; Stream is the default): the WeCom crypto scheme with
// the ClientID as owner key, JSON instead of XML. DingTalk expects the encrypted "success"
// within 2.5 s, or it retries and eventually disables the callback.
import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { BotRouter } from '../bot/bot-router.ts';
import type { Env } from '../config.ts';
import type { AppState } from '../http/state.ts';
import type { Logger } from '../log.ts';
import { lazyChild } from '../log-lazy-child.ts';
import type { CallbackCrypto } from './wecom/callback-crypto.ts';
import { dingtalkEventCrypto, type DingtalkCryptoConfig } from './wecom/callback-crypto-configs.ts';
import { acceptAndDispatch } from './accept-and-dispatch.ts';
import { answerRejection, CallbackRejection } from './callback-rejection.ts';
import { normalizeDingtalkEvent } from './normalize-dingtalk-event.ts';
import { readRawBody } from './read-raw-body.ts';
import { checkFreshness, readSignedQuery } from './signed-query.ts';

export const DINGTALK_CALLBACK_PATH = '/callbacks/dingtalk';
/** DingTalk waits 2.5 s; keep a margin for the network. */
const ACK_DEADLINE_MS = 2000;

const bodySchema = z.object({ encrypt: z.string().min(1) });

export interface DingtalkHttpReceiverOptions {
  config: DingtalkCryptoConfig & Pick<Env, 'CALLBACK_MAX_AGE_S'>;
  router: BotRouter;
  log: Logger;
  now?: () => Date;
}

/**
 * @example
 * const app = createApp({ ...deps, routers: [dingtalkHttpReceiver({ config: env, router, log })] });
 */
export function dingtalkHttpReceiver({ config, router, log, now = () => new Date() }: DingtalkHttpReceiverOptions): Router<AppState> {
  const crypto = dingtalkEventCrypto(config);
  const receiver = new Router<AppState>();

  receiver.post(DINGTALK_CALLBACK_PATH, async (ctx) => {
    const reqLog = lazyChild(log, { receiver: 'dingtalk-http', requestId: (ctx.state as Partial<AppState>).requestId });
    try {
      const query = readSignedQuery(ctx.query);
      const { encrypt } = parseBody(await readRawBody(ctx.req));
      crypto.verify({ ...query, encrypt });
      checkFreshness(query.timestamp, 1, config.CALLBACK_MAX_AGE_S, now());
      const event = normalizeDingtalkEvent(crypto.decrypt(encrypt), now());
      if (event === 'check_url') {
        reqLog.info('DingTalk callback URL verified');
        return answerSuccess(ctx, crypto, now());
      }
      const deliveryLog = reqLog.child({ deliveryId: event.deliveryId, kind: event.kind });
      if ((await acceptAndDispatch(router, event, deliveryLog, ACK_DEADLINE_MS)) === 'late') {
        deliveryLog.warn('delivery not recorded within the deadline: is the database slow? DingTalk will retry');
        ctx.status = 503;
        return;
      }
      answerSuccess(ctx, crypto, now());
    } catch (error) {
      if (!answerRejection(ctx, reqLog, error)) throw error;
    }
  });
  return receiver;
}

function parseBody(raw: Buffer): { encrypt: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    json = undefined;
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) throw new CallbackRejection(400, '请求体应为 {"encrypt": "..."}', 'request body is not JSON {"encrypt": "..."}: is the URL configured for DingTalk HTTP events?');
  return body.data;
}

/** The encrypted "success" DingTalk expects, signed over our own ciphertext. */
function answerSuccess(ctx: Context, crypto: CallbackCrypto, at: Date): void {
  const timeStamp = String(at.getTime());
  const nonce = randomBytes(8).toString('hex');
  const encrypt = crypto.encrypt('success');
  ctx.body = { msg_signature: crypto.sign(timeStamp, nonce, encrypt), timeStamp, nonce, encrypt };
}
