// A fresh, migrated database for one test file, cloned from the run's template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createPersonalDataCipher } from '../../src/crypto/personal-data.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';

export const TEST_MASTER_KEY = Buffer.alloc(32, 7);

export interface TestDb {
  url: string;
  name: string;
  db: Db;
  deps: ServiceDeps;
}

/** Call at the top level of a test file; the database is dropped after the file. */
export async function createTestDb(opts: { now?: () => Date } = {}): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE sentinel_template`);
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = createDb(url, 5);
  const deps: ServiceDeps = {
    db,
    cipher: createPersonalDataCipher(TEST_MASTER_KEY),
    now: opts.now ?? (() => new Date()),
    businessTz: 'Asia/Shanghai',
  };
  afterAll(async () => {
    await db.$disconnect();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return { url, name, db, deps };
}

/** An empty database (no migrations), for migrator and drift tests. */
export async function createEmptyDb(): Promise<{ url: string; name: string }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `e_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  afterAll(() => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return { url: adminUrl.replace(/\/postgres$/, `/${name}`), name };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
