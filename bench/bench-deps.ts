// ServiceDeps for the database benches: the real Prisma client and pg-boss outbox (no workers)
// on one bench database, a sandbox chat platform, a throwaway file store and a fresh ledger key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLedgerKey } from '../src/crypto/ledger-key.ts';
import { createPersonalDataCipher } from '../src/crypto/personal-data.ts';
import { createDb, poolOf, type Db } from '../src/db/client.ts';
import { openOutboxBoss } from '../src/outbox/open-outbox-boss.ts';
import { createPgBossOutbox } from '../src/outbox/pg-boss-outbox.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { createLocalFileStore } from '../src/storage/local-file-store.ts';
import { createLogger } from '../src/log.ts';

export interface BenchDeps {
  deps: ServiceDeps;
  /** The file store's directory (removed by close). */
  filesDir: string;
  close(): Promise<void>;
}

/** @example const { deps, close } = await openBenchDeps(url, new Date('2026-12-14T01:00:00Z')); try { … } finally { await close(); } */
export async function openBenchDeps(url: string, now: Date): Promise<BenchDeps> {
  const db = createDb(url);
  const boss = await openOutboxBoss({ databaseUrl: url, log: createLogger('silent') });
  const filesDir = mkdtempSync(join(tmpdir(), 'sentinel-bench-files-'));
  const deps: ServiceDeps = {
    db, cipher: createPersonalDataCipher(Buffer.alloc(32, 1)), now: () => now, businessTz: 'Asia/Shanghai',
    outbox: createPgBossOutbox({ boss }), chatPlatforms: ['sandbox'], platformClients: {}, publicBaseUrl: 'https://hr.example.com',
    files: createLocalFileStore(filesDir), ledgerKey: generateLedgerKey(),
  };
  await connectPool(db);
  return {
    deps,
    filesDir,
    async close() {
      await boss.stop({ graceful: false });
      await db.$disconnect();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens every connection of the pool before the timed runs, as a running instance has them: a
 * job's first run on a fresh pool otherwise pays a backend start and a SCRAM handshake per
 * connection (10–40 ms each here), which is the bench's cold start, not the job's cost.
 */
async function connectPool(db: Db): Promise<void> {
  const pool = poolOf(db);
  if (!pool) return void (await db.$queryRaw`SELECT 1`);
  const clients = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
  for (const c of clients) c.release();
}
