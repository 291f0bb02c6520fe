// ServiceDeps for the database benches: the real Prisma client and pg-boss outbox (no workers)
// on one bench database, a sandbox chat platform, a throwaway file store and a fresh ledger key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLedgerKey } from '../src/crypto/ledger-key.ts';
import { createPersonalDataCipher } from '../src/crypto/personal-data.ts';
import { createDb } from '../src/db/client.ts';
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
  await db.$queryRaw`SELECT 1`; // connect the pool outside the timed runs
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
