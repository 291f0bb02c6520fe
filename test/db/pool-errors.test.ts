// A connection PostgreSQL drops while idle (a restart, a failover) must not end the process: the
// pool under the Prisma client listens for it from the start, before Prisma first connects.
import { describe, expect, it } from 'vitest';
import { createDb, poolOf } from '../../src/db/client.ts';

describe('createDb', () => {
  it('survives an idle connection error on its pool before any query ran', async () => {
    const db = createDb('postgresql://nobody@127.0.0.1:1/none', 1);
    const pool = poolOf(db);
    expect(pool).toBeDefined();
    expect(() => pool?.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
    await db.$disconnect();
  });
});
