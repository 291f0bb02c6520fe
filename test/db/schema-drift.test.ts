import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createEmptyDb, createTestDb } from '../helpers/test-db.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { findSchemaDrift } from './schema-drift.ts';

const migrated = await createTestDb();

describe('schema.prisma and the migrations agree', () => {
  it('finds no drift between schema.prisma and the migrated database', async () => {
    expect(await findSchemaDrift('prisma/schema.prisma', migrated.url)).toEqual([]);
  });

  it('reports a model field that no migration created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drift-'));
    const schema = readFileSync('prisma/schema.prisma', 'utf8').replace('  position        String?', '  position        String?\n  nickname        String?');
    writeFileSync(join(dir, 'schema.prisma'), schema);
    expect(await findSchemaDrift(join(dir, 'schema.prisma'), migrated.url)).toContain('column Employee.nickname missing');
  });

  it('reports a column, type, index and enum value changed in the database behind Prisma’s back', async () => {
    const { url } = await createEmptyDb();
    await applyMigrations(url, 'prisma/migrations');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`ALTER TABLE "Employee" ALTER COLUMN "name" DROP NOT NULL`);
    await client.query(`DROP INDEX "Employee_status_idx"`);
    await client.query(`ALTER TYPE "Role" ADD VALUE 'AUDITOR'`);
    await client.query(`ALTER TABLE "Department" ADD COLUMN "legacy" TEXT`);
    await client.query(`ALTER TABLE "Employee" ALTER COLUMN "monthlyWageFen" TYPE bigint`);
    await client.end();
    const problems = await findSchemaDrift('prisma/schema.prisma', url);
    expect(problems).toEqual(
      expect.arrayContaining([
        'column Employee.name nullability differs (db nullable: YES)',
        'normal index on Employee(status) missing',
        'enum Role has extra value AUDITOR',
        'column Department.legacy exists in the database but not in schema.prisma',
        'column Employee.monthlyWageFen is bigint, schema expects integer',
      ]),
    );
  });
});
