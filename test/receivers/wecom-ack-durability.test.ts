// Nothing is acknowledged that is not stored: when the delivery cannot be recorded the platform
// gets no 200 (it retries), and the listener never runs for it.
import { describe, expect, it } from 'vitest';
import type { BotRouter } from '../../src/bot/bot-router.ts';
import { parseEnv } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { wecomHttpReceiver } from '../../src/receivers/wecom-http-receiver.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { textMessageXml, wecomCrypto, wecomEnv, wecomPost } from './helpers/signed-callbacks.ts';

const t = await createTestDb();
const NOW = new Date('2025-06-02T02:00:00Z');
const crypto = wecomCrypto();

describe('WeCom ack and the durable record', () => {
  it('answers no 200 and runs nothing when the delivery cannot be recorded', async () => {
    let handled = 0;
    const failingStore: BotRouter = {
      accept: () => Promise.reject(new Error('connection terminated')),
      handle: async () => void handled++,
      drain: async () => undefined,
    };
    const config = parseEnv({ DATA_DIR: '/tmp/sentinel-test-data', ...wecomEnv });
    const log = createLogger('silent');
    const { request } = createTestApp(t, wecomEnv, { routers: [wecomHttpReceiver({ config, router: failingStore, log, now: () => NOW })], log });
    const req = wecomPost(crypto, crypto.encrypt(textMessageXml({ from: 'lisi', msgId: '9988776655', content: '你好' })), NOW);
    const res = await request.post(req.path).type('text/xml').send(req.body);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(handled).toBe(0);
  });
});
