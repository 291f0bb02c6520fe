// One embedded PostgreSQL per test run. Migrations are applied once to a template database;
// each test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
import type { TestProject } from 'vitest/node';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { startScratchPostgres } from './scratch-postgres.ts';
import { createLogger } from '../../src/log.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'sentinel_template';

export default async function setup(project: TestProject) {
  const cluster = await startScratchPostgres({
    database: TEMPLATE_DB,
    migrationsDir: 'prisma/migrations',
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  });
  const adminUrl = cluster.adminUrl;
  const templateUrl = cluster.url;
  // pg-boss creates its schema and the outbox queues at start: do it once here so every clone has them.
  const boss = await openOutboxBoss({ databaseUrl: templateUrl, log: createLogger('silent'), max: 2 });
  await boss.stop({ graceful: false });
  project.provide('pgAdminUrl', adminUrl);
  return () => cluster.stop();
}
