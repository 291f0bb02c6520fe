import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../src/db/migrate.ts';
import { createEmptyDb } from '../helpers/test-db.ts';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrator', () => {
  it('applies every migration once and records it with Prisma’s columns and checksum', async () => {
    const { url } = await createEmptyDb();
    const first = await applyMigrations(url, 'prisma/migrations');
    expect(first.applied).toEqual(listMigrations('prisma/migrations').map((m) => m.name));
    const again = await applyMigrations(url, 'prisma/migrations');
    expect(again).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date; applied_steps_count: number }>(url, 'SELECT * FROM "_prisma_migrations"');
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.applied_steps_count).toBe(1);
  });

  it('is safe when two instances migrate at the same time', async () => {
    const { url } = await createEmptyDb();
    const [a, b] = await Promise.all([applyMigrations(url, 'prisma/migrations'), applyMigrations(url, 'prisma/migrations')]);
    expect(a.applied.length + b.applied.length).toBe(listMigrations('prisma/migrations').length);
  });

  it('refuses a migration edited after it was applied', async () => {
    const { url } = await createEmptyDb();
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync('prisma/migrations', dir, { recursive: true });
    await applyMigrations(url, dir);
    const [m] = listMigrations(dir);
    writeFileSync(join(dir, m!.name, 'migration.sql'), `${m!.sql}\n-- edited`);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls back a failing migration entirely and does not record it', async () => {
    const { url } = await createEmptyDb();
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync('prisma/migrations', dir, { recursive: true });
    cpSync(join(dir, listMigrations(dir)[0]!.name), join(dir, '29990101000000_broken'), { recursive: true });
    writeFileSync(join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toHaveLength(0);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`)).toHaveLength(0);
  });
});
