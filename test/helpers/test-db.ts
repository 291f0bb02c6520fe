// A fresh, migrated database for one test file, cloned from the run's template.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLedgerKey } from '../../src/crypto/ledger-key.ts';
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { afterAll, inject } from 'vitest';
import { createPersonalDataCipher } from '../../src/crypto/personal-data.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import type { Outbox } from '../../src/outbox/outbox.ts';
import { DEFAULT_RETRY_POLICY, type OutboxRetryPolicy } from '../../src/outbox/outbox-queues.ts';
import { createPgBossOutbox } from '../../src/outbox/pg-boss-outbox.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { createLogger } from '../../src/log.ts';

export const TEST_MASTER_KEY = Buffer.alloc(32, 7);

export interface TestDb {
  url: string;
  name: string;
  db: Db;
  deps: ServiceDeps;
  /** pg-boss on this file's database, started on first use (enqueue or this call), stopped after the file. */
  boss(): Promise<PgBoss>;
}

/** Call at the top level of a test file; the database is dropped after the file. */
export async function createTestDb(opts: { now?: () => Date; retry?: Partial<OutboxRetryPolicy> } = {}): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE sentinel_template`);
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = createDb(url, 5);
  let started: Promise<PgBoss> | undefined;
  const boss = () => (started ??= openOutboxBoss({ databaseUrl: url, log: createLogger('silent'), max: 3, superviseIntervalSeconds: 1 }));
  // The real pg-boss outbox; most files never enqueue, so pg-boss starts only when one does.
  const real = async () => createPgBossOutbox({ boss: await boss(), retry: { ...DEFAULT_RETRY_POLICY, ...opts.retry } });
  const outbox: Outbox = {
    enqueue: async (tx, message) => (await real()).enqueue(tx, message),
    enqueueMany: async (tx, messages) => (await real()).enqueueMany(tx, messages),
  };
  const deps: ServiceDeps = {
    db,
    cipher: createPersonalDataCipher(TEST_MASTER_KEY),
    now: opts.now ?? (() => new Date()),
    businessTz: 'Asia/Shanghai',
    outbox,
    chatPlatforms: ['sandbox'],
    platformClients: {},
    publicBaseUrl: 'http://localhost:3000',
    files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'sentinel-files-'))),
    ledgerKey: generateLedgerKey(),
  };
  afterAll(async () => {
    if (started) await (await started).stop({ graceful: false });
    await db.$disconnect();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return { url, name, db, deps, boss };
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
