import { describe, expect, it } from 'vitest';
import { dingtalkHttpReceiver } from '../../src/receivers/dingtalk-http-receiver.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { DINGTALK_CHECK_URL } from './helpers/official-vectors.ts';
import { eventually, receiverApp } from './helpers/receiver-app.ts';
import { dingtalkCrypto, dingtalkEnv, dingtalkPost } from './helpers/signed-callbacks.ts';

const t = await createTestDb();
const NOW = new Date('2025-06-02T02:00:00Z');
const crypto = dingtalkCrypto();
const app = receiverApp(t, dingtalkHttpReceiver, { env: dingtalkEnv, now: () => NOW });

/** The answer must be DingTalk's encrypted "success", signed over our own ciphertext. */
function expectEncryptedSuccess(body: { msg_signature: string; timeStamp: string; nonce: string; encrypt: string }): void {
  expect(body.timeStamp).toBe(String(NOW.getTime()));
  expect(crypto.open({ signature: body.msg_signature, timestamp: body.timeStamp, nonce: body.nonce, encrypt: body.encrypt })).toBe('success');
}

describe('POST /callbacks/dingtalk', () => {
  it('answers the official check_url vector with the encrypted "success"', async () => {
    const { request } = receiverApp(t, dingtalkHttpReceiver, { env: { ...dingtalkEnv, CALLBACK_MAX_AGE_S: '0' }, now: () => NOW });
    const v = DINGTALK_CHECK_URL;
    const res = await request.post(`/callbacks/dingtalk?msg_signature=${v.signature}&timestamp=${v.timestamp}&nonce=${v.nonce}`).send({ encrypt: v.encrypt });
    expect(res.status).toBe(200);
    expectEncryptedSuccess(res.body);
    expect(await t.db.inboundDelivery.count()).toBe(0);
  });

  it('records a signed event, runs its listener once and answers "success" to a retry too', async () => {
    const event = { EventType: 'user_add_org', TimeStamp: '1748829600000', UserId: ['manager4585'], CorpId: 'ding6ccabc44d2c8d38b' };
    for (let i = 0; i < 2; i++) {
      const req = dingtalkPost(crypto, event, NOW);
      const res = await app.request.post(req.path).type('json').send(req.body);
      expect(res.status).toBe(200);
      expectEncryptedSuccess(res.body);
    }
    await eventually(() => app.handled.length === 1);
    expect(app.handled[0]).toMatchObject({ kind: 'event', platform: 'dingtalk', name: 'user_add_org', operatorUserId: 'manager4585' });
    expect(await t.db.inboundDelivery.count({ where: { platform: 'dingtalk' } })).toBe(1);
  });

  it('rejects a forged signature with a 401 naming DINGTALK_EVENT_TOKEN', async () => {
    app.captured.clear();
    const req = dingtalkPost(crypto, { EventType: 'user_leave_org', UserId: ['x'] }, NOW);
    const res = await app.request.post(req.path.replace(/msg_signature=\w+/, `msg_signature=${'0'.repeat(40)}`)).type('json').send(req.body);
    expect(res.status).toBe(401);
    expect(app.captured.text()).toContain('signature mismatch: check DINGTALK_EVENT_TOKEN');
    expect(await t.db.inboundDelivery.count({ where: { route: 'event.user_leave_org' } })).toBe(0);
  });

  it('rejects an event older than CALLBACK_MAX_AGE_S (milliseconds on DingTalk)', async () => {
    app.captured.clear();
    const req = dingtalkPost(crypto, { EventType: 'user_leave_org', UserId: ['y'] }, new Date(NOW.getTime() - 600_000));
    expect((await app.request.post(req.path).type('json').send(req.body)).status).toBe(401);
    expect(app.captured.text()).toMatch(/timestamp is 600 s old/);
  });

  it('rejects a body that is not {"encrypt": "..."}', async () => {
    const req = dingtalkPost(crypto, { EventType: 'x' }, NOW);
    const res = await app.request.post(req.path).type('json').send('{"nope":1}');
    expect(res.status).toBe(400);
  });
});
