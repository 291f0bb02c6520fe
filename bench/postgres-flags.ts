// The flags every bench cluster starts with: room for the pools, the statement profile when asked
// (BENCH_SQL_PROFILE), and the server settings of BENCH_PG_SETTINGS ("shared_buffers=1GB,work_mem=64MB"),
// so a run can measure a roster of 1M on the settings docs/scale-out.md recommends for it instead of
// PostgreSQL's defaults (128 MB shared buffers, 4 MB work_mem). The settings are printed with the table.
import { sqlProfileFlags } from './sql-profile.ts';

const SETTING = /^[a-z_.]+=[A-Za-z0-9._-]+$/;

/** BENCH_PG_SETTINGS as name=value pairs; throws on anything else, before a cluster starts. */
export function benchPostgresSettings(raw = process.env.BENCH_PG_SETTINGS ?? ''): string[] {
  const settings = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = settings.filter((s) => !SETTING.test(s));
  if (bad.length > 0) throw new Error(`BENCH_PG_SETTINGS: expected name=value pairs separated by commas, got ${bad.join(', ')}`);
  return settings;
}

export function benchPostgresFlags(): string[] {
  return ['-c', 'max_connections=100', ...sqlProfileFlags(), ...benchPostgresSettings().flatMap((s) => ['-c', s])];
}
