// WeCom HTTP callbacks (doc 91144): transport only. GET verifies the URL; POST verifies,
// decrypts, normalizes, records the delivery and acks with an empty 200 well inside WeCom's
// 5 s, while the listener runs out of band. Every rejection is a 4xx plus a log line that
// names the setting to check.
import Router from '@koa/router';
import type { Context } from 'koa';
import type { BotRouter } from '../bot/bot-router.ts';
import type { Env } from '../config.ts';
import type { AppState } from '../http/state.ts';
import type { Logger } from '../log.ts';
import { lazyChild } from '../log-lazy-child.ts';
import { wecomCallbackCrypto, type WecomCryptoConfig } from './wecom/callback-crypto-configs.ts';
import { parseCallbackXml, xmlText } from './wecom/parse-callback-xml.ts';
import { acceptAndDispatch } from './accept-and-dispatch.ts';
import { answerRejection, CallbackRejection } from './callback-rejection.ts';
import { normalizeWecomMessage } from './normalize-wecom-message.ts';
import { readRawBody } from './read-raw-body.ts';
import { checkFreshness, queryParam, readSignedQuery } from './signed-query.ts';

export const WECOM_CALLBACK_PATH = '/callbacks/wecom';
/** WeCom waits 5 s; keep a margin for the network. */
const ACK_DEADLINE_MS = 4000;

export interface WecomHttpReceiverOptions {
  config: WecomCryptoConfig & Pick<Env, 'CALLBACK_MAX_AGE_S'>;
  router: BotRouter;
  log: Logger;
  now?: () => Date;
}

/**
 * @example
 * const receiver = wecomHttpReceiver({ config: env, router: createBotRouter(deps, listeners, log), log });
 * const app = createApp({ ...deps, routers: [receiver] });
 */
export function wecomHttpReceiver({ config, router, log, now = () => new Date() }: WecomHttpReceiverOptions): Router<AppState> {
  const crypto = wecomCallbackCrypto(config);
  const maxAgeS = config.CALLBACK_MAX_AGE_S;
  const receiver = new Router<AppState>();
  // Lazy: on the ack path nothing is written at info or above, so no child logger is built.
  const logFor = (ctx: Context) => lazyChild(log, { receiver: 'wecom-http', requestId: (ctx.state as Partial<AppState>).requestId });

  receiver.get(WECOM_CALLBACK_PATH, async (ctx) => {
    const reqLog = logFor(ctx);
    try {
      const query = readSignedQuery(ctx.query);
      // A raw '+' in the query decodes to a space; base64 never contains spaces, so undo it.
      const echostr = queryParam(ctx.query, 'echostr')?.replaceAll(' ', '+');
      if (!echostr) throw new CallbackRejection(400, '缺少 echostr', 'URL verification without echostr: refused');
      crypto.verify({ ...query, encrypt: echostr });
      checkFreshness(query.timestamp, 1000, maxAgeS, now());
      const plaintext = crypto.decrypt(echostr);
      reqLog.info('WeCom callback URL verified');
      ctx.type = 'text/plain';
      ctx.body = plaintext; // exactly the plaintext: no quotes, newline or BOM
    } catch (error) {
      if (!answerRejection(ctx, reqLog, error)) throw error;
    }
  });

  receiver.post(WECOM_CALLBACK_PATH, async (ctx) => {
    const reqLog = logFor(ctx);
    try {
      const query = readSignedQuery(ctx.query);
      const outer = parseCallbackXml((await readRawBody(ctx.req)).toString('utf8'), 'request body');
      const encrypt = xmlText(outer, 'Encrypt');
      if (!encrypt) throw new CallbackRejection(400, '缺少 Encrypt', 'request body has no <Encrypt>: set the app\'s callback to encrypted (安全) mode');
      crypto.verify({ ...query, encrypt });
      checkFreshness(query.timestamp, 1000, maxAgeS, now());
      const inner = parseCallbackXml(crypto.decrypt(encrypt), 'decrypted message');
      const event = normalizeWecomMessage(inner, now());
      const deliveryLog = reqLog.child({ deliveryId: event.deliveryId, kind: event.kind });
      const outcome = await acceptAndDispatch(router, event, deliveryLog, ACK_DEADLINE_MS);
      if (outcome === 'late') {
        deliveryLog.warn('delivery not recorded within the deadline: is the database slow? WeCom will retry');
        ctx.status = 503;
        return;
      }
      deliveryLog.debug({ outcome }, 'callback acked');
      ctx.status = 200;
      ctx.body = '';
    } catch (error) {
      if (!answerRejection(ctx, reqLog, error)) throw error;
    }
  });
  return receiver;
}
