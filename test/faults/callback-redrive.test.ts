// A process that acked a callback and died before handling it leaves only the recorded delivery:
// the platform never resends it. A real server process (`npm start`) on the same database finds it
// and handles it once, within a sweep of its start (src/bot/redrive-deliveries.ts).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../e2e/server-process.ts';
import { createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';

const t = await createTestDb();
// Not a first start: no demo company.
await t.db.appMeta.create({ data: { key: 'server.firstStartedAt', value: new Date().toISOString() } });
const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-redrive-'));
chmodSync(dataDir, 0o755);
const env = { DATABASE_URL: t.url, DATA_DIR: dataDir, ADMIN_TOKEN: 'redrive-test-admin-token-0123456789', SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64'), LOG_LEVEL: 'warn' };
let server: RunningServer | undefined;
afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a callback acked by a process that died before handling it', { timeout: 180_000 }, () => {
  it('is handled once by the next server process on the database', async () => {
    const event = { kind: 'message.text', platform: 'sandbox', deliveryId: 'died-before-handling', operatorUserId: 'nobody-yet', receivedAt: new Date(Date.now() - 60_000).toISOString(), text: '帮助' };
    // What the recorder left behind: the row, acked a minute ago, never marked handled.
    await t.db.$executeRawUnsafe(
      `INSERT INTO "InboundDelivery" (id, platform, "deliveryId", route, payload, "receivedAt") VALUES (gen_random_uuid(), 'sandbox', $1, 'message.text', $2::jsonb, now() - interval '60 seconds')`,
      event.deliveryId, JSON.stringify(event),
    );
    server = await startServer(env);
    const delivery = () => t.db.inboundDelivery.findUniqueOrThrow({ where: { platform_deliveryId: { platform: 'sandbox', deliveryId: event.deliveryId } } });
    await expect.poll(async () => (await delivery()).handledAt, { timeout: 60_000, interval: 500 }).not.toBeNull();
    expect(await delivery()).toMatchObject({ error: null, redriveCount: 1 });
    // The person gets the answer once: an unknown account is told how to get linked.
    const replies = await t.db.outboxMessage.findMany({ where: { dedupeKey: `reply:sandbox:${event.deliveryId}` } });
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.payload)).toContain('你的账号尚未关联员工档案');
    expect(server.output()).toContain('handled deliveries again');
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
