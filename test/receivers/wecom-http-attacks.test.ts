// "How it will be checked": each attack gets a 4xx, nothing reaches InboundDelivery or a
// listener, and the log line says what to fix.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { wecomHttpReceiver } from '../../src/receivers/wecom-http-receiver.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { WECOM } from './helpers/official-vectors.ts';
import { receiverApp } from './helpers/receiver-app.ts';
import { cardClickXml, encryptForged, wecomCrypto, wecomEnv, wecomPost, type SignedRequest } from './helpers/signed-callbacks.ts';

const t = await createTestDb();
const NOW = new Date('2025-06-02T02:00:00Z');
const crypto = wecomCrypto();
const app = receiverApp(t, wecomHttpReceiver, { env: wecomEnv, now: () => NOW });
const click = cardClickXml({ from: 'attacker', createTime: 1748829600, taskId: 't1', eventKey: 'approve' });
const XXE = '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

beforeEach(() => app.captured.clear());

async function expectRejected(req: SignedRequest, status: number, fix: RegExp): Promise<void> {
  const before = { rows: await t.db.inboundDelivery.count(), handled: app.handled.length };
  const res = await app.request.post(req.path).type('text/xml').send(req.body);
  expect(res.status).toBe(status);
  expect(res.text.length).toBeLessThan(100);
  expect(app.captured.text()).toMatch(fix);
  expect({ rows: await t.db.inboundDelivery.count(), handled: app.handled.length }).toEqual(before);
}

describe('POST /callbacks/wecom rejects', () => {
  it('a forged signature', async () => {
    const req = wecomPost(crypto, crypto.encrypt(click), NOW);
    await expectRejected({ ...req, path: req.path.replace(/msg_signature=\w+/, `msg_signature=${'a'.repeat(40)}`) }, 401, /signature mismatch: check WECOM_TOKEN/);
  });

  it('an Encrypt field altered on the way', async () => {
    const req = wecomPost(crypto, crypto.encrypt(click), NOW);
    // Flip the first character to a different one (a fixed 'Z' would be a no-op 1 time in 64).
    const altered = req.body.replace(/<Encrypt><!\[CDATA\[(.)/, (_m: string, c: string) => `<Encrypt><![CDATA[${c === 'Z' ? 'Y' : 'Z'}`);
    expect(altered).not.toBe(req.body);
    await expectRejected({ ...req, body: altered }, 401, /check WECOM_TOKEN/);
  });

  it('a message encrypted for another corp', async () => {
    const req = wecomPost(crypto, wecomCrypto('wwOtherCorp0001').encrypt(click), NOW);
    await expectRejected(req, 403, /receiveid is not WECOM_CORP_ID .*check WECOM_CORP_ID/);
  });

  it('bad padding', async () => {
    await expectRejected(wecomPost(crypto, encryptForged({ message: click, padByte: 0 }), NOW), 400, /bad padding: check WECOM_ENCODING_AES_KEY/);
  });

  it('a length field beyond the message', async () => {
    await expectRejected(wecomPost(crypto, encryptForged({ message: click, claimedLength: 1e6 }), NOW), 400, /length field .* check WECOM_ENCODING_AES_KEY/);
  });

  it('malformed outer XML', async () => {
    await expectRejected(wecomPost(crypto, crypto.encrypt(click), NOW, (e) => `<xml><Encrypt>${e}</Encrypt`), 400, /request body is not well-formed XML/);
  });

  it('an XXE payload in the outer XML', async () => {
    const req = wecomPost(crypto, crypto.encrypt(click), NOW, (e) => `${XXE}<xml><Encrypt><![CDATA[${e}]]></Encrypt><X>&xxe;</X></xml>`);
    await expectRejected(req, 400, /request body carries a DOCTYPE\/ENTITY declaration/);
  });

  it('an XXE payload inside the encrypted message', async () => {
    const inner = `${XXE}${click.replace('<EventKey><![CDATA[approve]]>', '<EventKey>&xxe;')}`;
    await expectRejected(wecomPost(crypto, crypto.encrypt(inner), NOW), 400, /decrypted message carries a DOCTYPE\/ENTITY declaration/);
  });

  it('malformed XML inside the encrypted message', async () => {
    await expectRejected(wecomPost(crypto, crypto.encrypt('<xml><MsgType>event'), NOW), 400, /decrypted message is not well-formed XML/);
  });

  it('a body without <Encrypt> (plaintext mode)', async () => {
    await expectRejected({ path: wecomPost(crypto, 'x', NOW).path, body: click }, 400, /encrypted \(安全\) mode/);
  });

  it('a 2 MB body, from its Content-Length', async () => {
    const req = wecomPost(crypto, crypto.encrypt(click), NOW, (e) => `<xml><Encrypt>${e}</Encrypt><Pad>${'x'.repeat(2 * 1024 * 1024)}</Pad></xml>`);
    await expectRejected(req, 413, /over the 1048576-byte cap/);
  });

  it('a 2 MB chunked body, by counting its bytes', async () => {
    const server = await app.listen();
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ port, method: 'POST', path: wecomPost(crypto, 'x', NOW).path, headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 32; i++) req.write(Buffer.alloc(64 * 1024, 0x41));
      req.end();
    });
    server.close();
    expect(status).toBe(413);
    expect(app.captured.text()).toMatch(/over the 1048576-byte cap/);
  });

  it('a delivery older than CALLBACK_MAX_AGE_S', async () => {
    await expectRejected(wecomPost(crypto, crypto.encrypt(click), new Date(NOW.getTime() - 301_000)), 401, /timestamp is 301 s old, outside CALLBACK_MAX_AGE_S=300: a replay, or check the server clock/);
  });

  it('a replay of the official 2014 vector', async () => {
    const v = WECOM.textMessage;
    const path = `/callbacks/wecom?msg_signature=${v.signature}&timestamp=${v.timestamp}&nonce=${v.nonce}`;
    await expectRejected({ path, body: `<xml><Encrypt><![CDATA[${v.encrypt}]]></Encrypt></xml>` }, 401, /outside CALLBACK_MAX_AGE_S/);
  });

  it('a request without the signature parameters', async () => {
    await expectRejected({ path: '/callbacks/wecom', body: '<xml/>' }, 400, /query lacks msg_signature, timestamp, nonce/);
  });

  it('and records not a single delivery for any of them', async () => {
    expect(await t.db.inboundDelivery.count()).toBe(0);
  });
});
