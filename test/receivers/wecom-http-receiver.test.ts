import { describe, expect, it } from 'vitest';
import { wecomHttpReceiver } from '../../src/receivers/wecom-http-receiver.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { WECOM } from './helpers/official-vectors.ts';
import { receiverApp, eventually } from './helpers/receiver-app.ts';
import { cardClickXml, textMessageXml, wecomCrypto, wecomEnv, wecomPost } from './helpers/signed-callbacks.ts';

const t = await createTestDb();
const NOW = new Date('2025-06-02T02:00:00Z');
const crypto = wecomCrypto();
const app = receiverApp(t, wecomHttpReceiver, { env: wecomEnv, now: () => NOW });

function verifyUrlPath(): string {
  const v = WECOM.verifyUrl;
  const q = new URLSearchParams({ msg_signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, echostr: v.echostr });
  return `/callbacks/wecom?${q}`;
}

describe('GET /callbacks/wecom (URL verification)', () => {
  it('answers the official vector with exactly the plaintext', async () => {
    const { request } = receiverApp(t, wecomHttpReceiver, { env: { ...wecomEnv, CALLBACK_MAX_AGE_S: '0' }, now: () => NOW });
    const res = await request.get(verifyUrlPath()).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('1616140317555161061');
  });

  it('also accepts the echostr when its "+" arrived unencoded', async () => {
    const { request } = receiverApp(t, wecomHttpReceiver, { env: { ...wecomEnv, CALLBACK_MAX_AGE_S: '0' }, now: () => NOW });
    const v = WECOM.verifyUrl;
    const res = await request.get(`/callbacks/wecom?msg_signature=${v.signature}&timestamp=${v.timestamp}&nonce=${v.nonce}&echostr=${v.echostr}`);
    expect(res.text).toBe('1616140317555161061');
  });

  it('accepts the vector when the clock is near its timestamp and the age check is on', async () => {
    const at = new Date((Number(WECOM.verifyUrl.timestamp) + 10) * 1000);
    const { request } = receiverApp(t, wecomHttpReceiver, { env: wecomEnv, now: () => at });
    expect((await request.get(verifyUrlPath())).text).toBe('1616140317555161061');
  });

  it('rejects the same request as too old when the age check is on', async () => {
    app.captured.clear();
    const res = await app.request.get(verifyUrlPath());
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('1616140317555161061');
    expect(app.captured.text()).toMatch(/timestamp is \d+ s old, outside CALLBACK_MAX_AGE_S=300/);
  });
});

describe('POST /callbacks/wecom', () => {
  it('takes two clicks of one user in one second, on two cards, as two deliveries', async () => {
    // WeCom's own advice (FromUserName + CreateTime) would have taken the second for a retry of the first.
    const clicks = ['task_abs_1', 'task_abs_2'].map((taskId) => cardClickXml({ from: 'wangwu', createTime: 1748829700, taskId, eventKey: 'absence.contacted' }));
    for (const click of clicks) {
      const req = wecomPost(crypto, crypto.encrypt(click), NOW);
      expect((await app.request.post(req.path).type('text/xml').send(req.body)).status).toBe(200);
    }
    await eventually(() => app.handled.filter((e) => e.operatorUserId === 'wangwu').length === 2);
    expect(app.handled.filter((e) => e.operatorUserId === 'wangwu').map((e) => (e.kind === 'card.action' ? e.cardKey : '')).sort()).toEqual(['task_abs_1', 'task_abs_2']);
    expect(await t.db.inboundDelivery.count({ where: { deliveryId: { startsWith: 'wangwu:1748829700:' } } })).toBe(2);
  });

  it('acks a signed card click with an empty 200, records it and runs the listener', async () => {
    const click = cardClickXml({ from: 'zhangsan', createTime: 1748829600, taskId: 'task_onb_1', eventKey: 'onboarding.confirm', responseCode: 'rc-abc' });
    const req = wecomPost(crypto, crypto.encrypt(click), NOW);
    const res = await app.request.post(req.path).type('text/xml').send(req.body);
    expect([res.status, res.text]).toEqual([200, '']);
    const row = await t.db.inboundDelivery.findUnique({ where: { platform_deliveryId: { platform: 'wecom', deliveryId: 'zhangsan:1748829600:template_card_event:task_onb_1:onboarding.confirm' } } });
    expect(row?.route).toBe('card.action');
    await eventually(() => app.handled.some((e) => e.deliveryId === 'zhangsan:1748829600:template_card_event:task_onb_1:onboarding.confirm'));
    expect(app.handled.find((e) => e.deliveryId === 'zhangsan:1748829600:template_card_event:task_onb_1:onboarding.confirm')).toMatchObject({
      kind: 'card.action',
      platform: 'wecom',
      operatorUserId: 'zhangsan',
      cardKey: 'task_onb_1',
      actionId: 'onboarding.confirm',
      responseCode: 'rc-abc',
    });
  });

  it('answers a duplicate delivery 200 and runs the listener once', async () => {
    const LISI = 'lisi:1748829601:template_card_event:t2:approve';
    const click = cardClickXml({ from: 'lisi', createTime: 1748829601, taskId: 't2', eventKey: 'approve' });
    for (let i = 0; i < 3; i++) {
      const req = wecomPost(crypto, crypto.encrypt(click), NOW); // a platform retry: fresh nonce and ciphertext
      expect((await app.request.post(req.path).send(req.body)).status).toBe(200);
    }
    await eventually(() => app.handled.some((e) => e.deliveryId === LISI));
    await new Promise((r) => setTimeout(r, 100));
    expect(app.handled.filter((e) => e.deliveryId === LISI)).toHaveLength(1);
    expect(await t.db.inboundDelivery.count({ where: { deliveryId: LISI } })).toBe(1);
  });

  it('turns a text message into message.text keyed by its MsgId (kept as a string)', async () => {
    const msgId = '45612553542513459291234';
    const req = wecomPost(crypto, crypto.encrypt(textMessageXml({ from: 'wangwu', msgId, content: '我已入职' })), NOW);
    expect((await app.request.post(req.path).send(req.body)).status).toBe(200);
    await eventually(() => app.handled.some((e) => e.deliveryId === msgId));
    expect(app.handled.find((e) => e.deliveryId === msgId)).toMatchObject({ kind: 'message.text', text: '我已入职' });
  });

  it('answers well within 5 s while a slow listener is still running', async () => {
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    const slow = receiverApp(t, wecomHttpReceiver, {
      env: wecomEnv,
      now: () => NOW,
      onEvent: () => Promise.race([released, new Promise<void>((r) => setTimeout(r, 6000))]),
    });
    const req = wecomPost(crypto, crypto.encrypt(cardClickXml({ from: 'slow', createTime: 1748829602, taskId: 't3', eventKey: 'approve' })), NOW);
    const started = performance.now();
    const res = await slow.request.post(req.path).send(req.body);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(slow.handled).toHaveLength(0);
    release();
    await eventually(() => slow.handled.length === 1);
  });
});
