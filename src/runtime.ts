// What both the server and the CLI need before they can do anything: configuration,
// secrets, a migrated database and the service dependencies.
import { fileURLToPath } from 'node:url';
import type { PgBoss } from 'pg-boss';
import type { Env } from './config.ts';
import { createPersonalDataCipher } from './crypto/personal-data.ts';
import { createTsaClient, readTrustedRoots } from './crypto/tsa-client.ts';
import { createDb, type Db } from './db/client.ts';
import { openEmbeddedDatabase } from './db/embedded.ts';
import { applyMigrations, type MigrationResult } from './db/migrate.ts';
import type { Logger } from './log.ts';
import { openOutboxBoss } from './outbox/open-outbox-boss.ts';
import { createPgBossOutbox } from './outbox/pg-boss-outbox.ts';
import { loadSecrets, type Secrets } from './secrets.ts';
import { configuredPlatforms } from './platforms/configured-platforms.ts';
import { createPlatformClients } from './platforms/create-chat-platforms.ts';
import type { ServiceDeps } from './services/deps.ts';
import { loadSharedLedgerKey } from './services/evidence/load-shared-ledger-key.ts';
import { openFileStore } from './storage/open-file-store.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const migrationsDir = `${projectRoot}prisma/migrations`;
/** The shipped city policy library (one JSON file per city), seeded for cities the database lacks. */
export const policiesDir = `${projectRoot}prisma/policies`;

export interface Runtime {
  env: Env;
  secrets: Secrets;
  db: Db;
  /** pg-boss on the same database: the outbox's queue. Workers are started by the roots. */
  boss: PgBoss;
  deps: ServiceDeps;
  databaseUrl: string;
  embedded: boolean;
  migrations: MigrationResult;
  /** Where the evidence ledger key came from, for `sentinel keys show`. */
  ledgerKeySource: 'env' | 'database';
  close(): Promise<void>;
}

export async function openRuntime(env: Env, log: Logger): Promise<Runtime> {
  const secrets = loadSecrets(env);
  const embedded = env.DATABASE_URL ? undefined : await openEmbeddedDatabase(env.DATA_DIR, (m) => log.info(m));
  const databaseUrl = env.DATABASE_URL ?? (embedded as { url: string }).url;
  try {
    const migrations = await applyMigrations(databaseUrl, migrationsDir);
    if (migrations.applied.length > 0) log.info({ applied: migrations.applied }, 'migrations applied');
    const db = createDb(databaseUrl);
    const cipher = createPersonalDataCipher(secrets.masterKey);
    const ledger = await loadSharedLedgerKey({ db, cipher, fromEnv: env.SENTINEL_LEDGER_KEY, dataDir: env.DATA_DIR });
    const boss = await openOutboxBoss({ databaseUrl, log });
    const deps: ServiceDeps = {
      db,
      cipher,
      now: () => new Date(),
      businessTz: env.BUSINESS_TZ,
      outbox: createPgBossOutbox({ boss }),
      chatPlatforms: configuredPlatforms(env).length > 0 ? configuredPlatforms(env) : ['sandbox'],
      // One set of clients per process, so every caller shares one token cache.
      platformClients: createPlatformClients(env, { db }),
      publicBaseUrl: env.PUBLIC_BASE_URL,
      files: openFileStore(env),
      ledgerKey: ledger.key,
      tsa: env.TSA_URL ? createTsaClient(env.TSA_URL, { trustedRoots: env.TSA_CA_FILE ? readTrustedRoots(env.TSA_CA_FILE) : undefined }) : undefined,
    };
    const close = async () => {
      // The roots stop the outbox workers first (letting deliveries finish); the database stops
      // last, after every connection is closed (it runs in its own process group, so a terminal's
      // Ctrl-C reaches only us). A delivery cut short anyway is retried by the next process.
      await boss.stop({ graceful: true, timeout: 10_000 });
      await db.$disconnect();
      if (embedded?.owned) await embedded.stop();
    };
    return { env, secrets, db, boss, deps, databaseUrl, embedded: Boolean(embedded), migrations, ledgerKeySource: ledger.source, close };
  } catch (error) {
    if (embedded?.owned) await embedded.stop();
    throw error;
  }
}
