// The access token lives in the database (shared by instances), is fetched once however many
// calls wait for it, and is refreshed exactly once when WeCom says it expired.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformApiError } from '../../src/platforms/platform-api-error.ts';
import { createTokenCache } from '../../src/platforms/token-cache.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomClientFor } from './platform-kit.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
afterAll(() => fake.close());
const tokenCalls = () => fake.requestsTo('/cgi-bin/gettoken').length;
const text = (content: string) => ({ msgtype: 'text' as const, text: { content } });

beforeEach(async () => {
  await t.db.platformToken.deleteMany();
  fake.requests.length = 0;
});

describe('WeCom access token', () => {
  it('is fetched once for two instances sharing the database', async () => {
    const a = wecomClientFor(fake, t);
    const b = wecomClientFor(fake, t); // another process: its own in-memory cache
    await a.send(['u1'], text('a'));
    await b.send(['u1'], text('b'));
    expect(tokenCalls()).toBe(1);
    expect(await t.db.platformToken.count()).toBe(1);
  });

  it('is fetched once by ten concurrent calls in one process', async () => {
    const a = wecomClientFor(fake, t);
    await Promise.all(Array.from({ length: 10 }, (_, i) => a.send([`c${i}`], text(`并发 ${i}`))));
    expect(tokenCalls()).toBe(1);
  });

  it('is refreshed once and the call retried when WeCom answers 42001', async () => {
    const a = wecomClientFor(fake, t);
    await a.send(['u2'], text('before'));
    fake.failNext(1, 'expired-token', '/cgi-bin/message/send');
    await a.send(['u2'], text('after'));
    expect(tokenCalls()).toBe(2);
    expect(fake.requestsTo('/cgi-bin/message/send')).toHaveLength(3);
    const stored = await t.db.platformToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.value).toBe(fake.requestsTo('/cgi-bin/message/send').at(-1)?.query.access_token);
  });

  it('gives up after one refresh with a retryable error', async () => {
    const a = wecomClientFor(fake, t);
    fake.failNext(2, 'expired-token', '/cgi-bin/message/send');
    const error = await a.send(['u3'], text('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformApiError);
    expect(error).toMatchObject({ platform: 'wecom', api: 'message/send', errcode: '42001', retryable: true });
    expect(tokenCalls()).toBe(2);
  });

  it('names the variable to fix when the secret is wrong', async () => {
    const wrong = wecomClientFor(fake, t, { config: { corpId: fake.corpId, agentId: fake.agentId, secret: 'nope' } });
    await expect(wrong.send(['u4'], text('x'))).rejects.toMatchObject({ errcode: '40001', retryable: false, errmsg: expect.stringContaining('WECOM_SECRET') });
  });

  it('never writes the token or the secret into the call log', async () => {
    const a = wecomClientFor(fake, t);
    await a.send(['u5'], text('log'));
    const token = (await t.db.platformToken.findFirstOrThrow()).value;
    const log = JSON.stringify(await t.db.outboundCall.findMany());
    expect(log).toContain('message/send');
    expect(log).not.toContain(token);
    expect(log).not.toContain(fake.secret);
  });
});

describe('token cache', () => {
  it('refreshes a stored token five minutes before it expires', async () => {
    let clock = 1_000_000;
    let fetches = 0;
    const cache = createTokenCache(t.db, { now: () => clock });
    const fetch = async () => ({ value: `v${++fetches}`, expiresInS: 7200 });
    expect(await cache.get('k', fetch)).toBe('v1');
    clock += (7200 - 301) * 1000;
    expect(await cache.get('k', fetch)).toBe('v1');
    clock += 2000; // now inside the last five minutes
    expect(await cache.get('k', fetch)).toBe('v2');
  });

  it('keeps a token another instance already replaced when an old one is invalidated', async () => {
    const cache = createTokenCache(t.db);
    await cache.get('k2', async () => ({ value: 'new', expiresInS: 7200 }));
    await cache.invalidate('k2', 'old');
    expect((await t.db.platformToken.findUnique({ where: { key: 'k2' } }))?.value).toBe('new');
  });
});
