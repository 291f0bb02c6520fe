// PostgreSQL's own client tools (pg_dump / pg_restore, Debian's postgresql-client) for backups.
// The embedded server is PostgreSQL 15, as are Debian 12's tools; a newer pg_dump reads it too.
// The password goes through PGPASSWORD, never the command line (visible in `ps`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The process environment the tools run with (PATH finds them); the CLI passes its own. */
export type ToolEnv = Record<string, string | undefined>;

async function tool(name: 'pg_dump' | 'pg_restore', args: string[], url: string, toolEnv: ToolEnv): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env = { ...toolEnv, ...(password && { PGPASSWORD: password }) };
  try {
    await run(name, [...args, `--dbname=${parsed.toString()}`], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`找不到 ${name}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）`, { cause: error });
    throw new Error(`${name} 失败：${(e.stderr ?? e.message).trim()}`, { cause: error });
  }
}

/** The whole database (app tables, the pgboss queue schema, migration history) in pg_dump's custom format. */
export async function dumpDatabase(url: string, file: string, env: ToolEnv): Promise<void> {
  await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], url, env);
}

/**
 * Replaces the schemas of a database that holds no business data (the caller checks) with the
 * dump's: dropped first, so tables a migration created on the empty target do not collide.
 */
export async function restoreDatabase(url: string, file: string, env: ToolEnv): Promise<void> {
  await sql(url, 'DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  await tool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', file], url, env);
}

/** True when the database has no employees and no evidence (or not even the tables yet). */
export async function holdsNoBusinessData(url: string): Promise<boolean> {
  for (const table of ['Employee', 'EvidenceEntry']) {
    const [found] = await sql<{ present: boolean }>(url, `SELECT to_regclass('public."${table}"') IS NOT NULL AS present`);
    if (!found?.present) continue;
    const [rows] = await sql<{ any: boolean }>(url, `SELECT EXISTS (SELECT 1 FROM "${table}") AS any`);
    if (rows?.any) return false;
  }
  return true;
}

/** One statement on its own short connection (the tools' callers run before or without Prisma). */
export async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}
