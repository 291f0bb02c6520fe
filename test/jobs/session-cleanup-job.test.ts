import { describe, expect, it } from 'vitest';
import { sessionCleanup } from '../../src/jobs/definitions/session-cleanup.ts';
import { createRateLimiter } from '../../src/http/rate-limits.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();

describe('session-cleanup job', () => {
  it('deletes rate-limit counters whose window has passed and keeps the running ones', async () => {
    await createRateLimiter(t.db, 'verify').consume('203.0.113.1');
    await t.db.rateLimitBucket.create({ data: { key: 'verify:203.0.113.2', points: 20, expire: new Date(Date.now() - 60_000) } });
    const summary = await sessionCleanup.run({ deps: t.deps, asOf: '2026-12-07', log: createLogger('silent') });
    expect(summary).toContain('1 expired rate-limit counter(s)');
    expect((await t.db.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(['verify:203.0.113.1']);
    expect(await sessionCleanup.run({ deps: t.deps, asOf: '2026-12-07', log: createLogger('silent') })).toContain('0 expired rate-limit counter(s)');
  });
});
