// Bad input at the receivers, property-based: anything inside a correctly signed and encrypted
// WeCom envelope (XML bombs, XXE, random text), forged signatures and replays, and random
// DingTalk events. Never a 5xx, never a crash; only a valid, new delivery reaches a listener.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dingtalkHttpReceiver } from '../../src/receivers/dingtalk-http-receiver.ts';
import { wecomHttpReceiver } from '../../src/receivers/wecom-http-receiver.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { eventually, receiverApp } from './helpers/receiver-app.ts';
import { dingtalkCrypto, dingtalkEnv, dingtalkPost, textMessageXml, wecomCrypto, wecomEnv, wecomPost } from './helpers/signed-callbacks.ts';

const t = await createTestDb();
const NOW = new Date('2025-06-02T02:00:00Z');
const wecom = receiverApp(t, wecomHttpReceiver, { env: wecomEnv, now: () => NOW });
const dingtalk = receiverApp(t, dingtalkHttpReceiver, { env: dingtalkEnv, now: () => NOW });
const crypto = wecomCrypto();

const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><xml><Content>&lol9;</Content></xml>`;
const XXE = '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>x</ToUserName><FromUserName>&xxe;</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>';
const innerMessage = fc.oneof(
  fc.constantFrom(BILLION_LAUGHS, XXE, '<xml>', '', '<xml><MsgType>event</MsgType><Event>template_card_event</Event></xml>', `<xml>${'<a>'.repeat(5000)}</xml>`),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `<xml><Content><![CDATA[${s}]]></Content></xml>`),
);

describe('POST /callbacks/wecom with anything inside a valid envelope', () => {
  it('never answers a 5xx and hands nothing malformed to a listener', async () => {
    await fc.assert(fc.asyncProperty(innerMessage, async (message) => {
      const before = wecom.handled.length;
      const req = wecomPost(crypto, crypto.encrypt(message), NOW);
      const res = await wecom.request.post(req.path).type('text/xml').send(req.body);
      expect(res.status, message.slice(0, 80)).toBeLessThan(500);
      expect(wecom.handled.length).toBe(before);
      expect(wecom.handled.some((e) => JSON.stringify(e).includes('root:'))).toBe(false);
    }), { numRuns: 30, seed: 19 });
  });

  it('refuses random signatures and outer bodies with a 4xx', async () => {
    await fc.assert(fc.asyncProperty(fc.stringMatching(/^[0-9a-f]{0,64}$/), fc.string({ maxLength: 200 }), async (signature, outer) => {
      const req = wecomPost(crypto, crypto.encrypt(textMessageXml({ from: 'zhangsan', msgId: '1', content: '你好' })), NOW);
      const forged = req.path.replace(/msg_signature=\w+/, `msg_signature=${signature}`);
      for (const res of [await wecom.request.post(forged).type('text/xml').send(req.body), await wecom.request.post(req.path).type('text/xml').send(outer)]) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }), { numRuns: 20, seed: 19 });
  });

  it('hands a replayed delivery to the listener once', async () => {
    const req = wecomPost(crypto, crypto.encrypt(textMessageXml({ from: 'zhangsan', msgId: '8808', content: '状态' })), NOW);
    const before = wecom.handled.length;
    for (let i = 0; i < 3; i++) expect((await wecom.request.post(req.path).type('text/xml').send(req.body)).status).toBeLessThan(500);
    await eventually(() => wecom.handled.length > before);
    expect(wecom.handled.filter((e) => e.deliveryId === '8808').length).toBe(1);
    expect(await t.db.inboundDelivery.count({ where: { deliveryId: '8808' } })).toBe(1);
  });
});

describe('POST /callbacks/dingtalk with random events', () => {
  it('never answers a 5xx for any signed JSON event', async () => {
    const event = fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => ({ EventType: 'chat_update_title', data: v })), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }));
    await fc.assert(fc.asyncProperty(event, async (e) => {
      const req = dingtalkPost(dingtalkCrypto(), e, NOW);
      const res = await dingtalk.request.post(req.path).type('application/json').send(req.body);
      expect(res.status, JSON.stringify(e).slice(0, 80)).toBeLessThan(500);
    }), { numRuns: 30, seed: 19 });
  });
});
