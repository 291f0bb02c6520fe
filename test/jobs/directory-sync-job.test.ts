import { afterAll, describe, expect, it } from 'vitest';
import { directorySync } from '../../src/jobs/definitions/directory-sync.ts';
import { createLogger } from '../../src/log.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomClientFor } from '../platforms/platform-kit.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
afterAll(() => fake.close());

describe('directory-sync job', () => {
  it('links WeCom members to employees by mobile, skips disabled accounts, and says who is unmatched', async () => {
    const e = await makeEmployee(t.deps, { name: '通讯录甲', mobile: '13712345678' });
    fake.directory.users.push(
      { userid: 'jia', name: '通讯录甲', mobile: '13712345678', department: [1], status: 1 },
      { userid: 'yi', name: '外部乙', mobile: '13700000001', department: [1], status: 1 },
      { userid: 'gone', name: '已停用丙', mobile: '13700000002', department: [1], status: 2 },
    );
    const deps = { ...t.deps, platformClients: { wecom: wecomClientFor(fake, t) } };
    const summary = await directorySync.run({ deps, asOf: '2026-11-22', log: createLogger('silent') });
    expect(summary).toBe('wecom: linked 1, already linked 0, unmatched 1 [外部乙(yi)], conflicts 0');
    expect(await t.db.platformIdentity.findFirst({ where: { platform: 'wecom', userId: 'jia' } })).toMatchObject({ employeeId: e.id });
    expect(await directorySync.run({ deps, asOf: '2026-11-22', log: createLogger('silent') })).toContain('linked 0, already linked 1');
  });

  it('says there is nothing to sync in sandbox mode', async () => {
    expect(await directorySync.run({ deps: t.deps, asOf: '2026-11-22', log: createLogger('silent') })).toContain('nothing to sync');
  });
});
