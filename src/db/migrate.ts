// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each in
// `_prisma_migrations` with Prisma's own columns, so `prisma migrate deploy` stays
// interchangeable where its engine can be downloaded. An advisory lock makes concurrent
// starts of several instances safe.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const LOCK_KEY = 727_001; // arbitrary, constant across versions

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function listMigrations(dir: string): { name: string; sql: string; checksum: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function applyMigrations(url: string, dir: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const result: MigrationResult = { applied: [], alreadyApplied: 0 };
    for (const m of listMigrations(dir)) {
      const known = applied.get(m.name);
      if (known && known !== m.checksum) {
        throw new Error(`migration ${m.name} was changed after it was applied; add a new migration instead`);
      }
      if (known) {
        result.alreadyApplied++;
        continue;
      }
      await applyOne(client, m);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.Client, m: { name: string; sql: string; checksum: string }): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(m.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 1)`,
      [randomUUID(), m.checksum, m.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Names of migrations in `dir` that the database has not applied yet (used by /readyz). */
export async function pendingMigrations(client: pg.Pool | pg.Client, dir: string): Promise<string[]> {
  const done = await client
    .query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL')
    .catch(() => ({ rows: [] as { migration_name: string }[] }));
  const names = new Set(done.rows.map((r) => r.migration_name));
  return listMigrations(dir)
    .map((m) => m.name)
    .filter((n) => !names.has(n));
}
