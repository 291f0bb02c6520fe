// Issue 19 item 5: a time-stamp token is kept only when its signer chains to a trusted root.
// Each fake TSA makes its own test CA (openssl), so "another CA" is simply another fake.
import { afterAll, describe, expect, it } from 'vitest';
import { createTsaClient, readTrustedRoots } from '../../src/crypto/tsa-client.ts';
import { verifyTsaSigner } from '../../src/crypto/tsa-chain.ts';
import { readTimestampToken } from '../../src/crypto/tsa-token.ts';
import { startFakeTsaServer } from '../fakes/fake-tsa-server.ts';

const [good, other, selfSigned] = await Promise.all([startFakeTsaServer(), startFakeTsaServer(), startFakeTsaServer({ selfSigned: true })]);
afterAll(() => Promise.all([good.close(), other.close(), selfSigned.close()]));
const trusted = readTrustedRoots(good.caPem);
const head = Buffer.from('shebao-sentinel evidence tree head v1\nsize: 1\n');

describe('TSA certificate chain', () => {
  it('accepts a token whose TSA certificate the trusted root issued', async () => {
    const token = await createTsaClient(good.url, { trustedRoots: trusted }).stamp(head);
    expect(verifyTsaSigner(token, trusted, readTimestampToken(token).genTime).subject).toContain('Fake Test TSA');
  });

  it('refuses a token from a TSA of another CA, saying why in Chinese', async () => {
    await expect(createTsaClient(other.url, { trustedRoots: trusted }).stamp(head)).rejects.toThrow(/签名证书不可信.*不是由受信任的根证书签发的/);
  });

  it('refuses a token from a self-signed TSA', async () => {
    await expect(createTsaClient(selfSigned.url, { trustedRoots: trusted }).stamp(head)).rejects.toThrow(/不是由受信任的根证书签发的/);
  });

  it('refuses a token from a test CA when only the public roots are trusted (the default)', async () => {
    await expect(createTsaClient(good.url).stamp(head)).rejects.toThrow(/签名证书不可信/);
  });

  it('refuses a token whose signature was tampered with', async () => {
    const token = await createTsaClient(good.url, { trustedRoots: trusted }).stamp(head);
    const forged = Buffer.from(token);
    forged[forged.length - 1] = (forged[forged.length - 1] as number) ^ 0xff; // the signature's last byte
    expect(() => verifyTsaSigner(forged, trusted, new Date())).toThrow(/签名无效/);
  });
});
