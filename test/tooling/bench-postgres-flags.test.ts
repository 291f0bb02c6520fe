// BENCH_PG_SETTINGS reaches every bench cluster as -c flags, and a malformed value stops the bench
// before a cluster starts (a typo must not measure the defaults under a settings label).
import { describe, expect, it } from 'vitest';
import { benchPostgresSettings } from '../../bench/postgres-flags.ts';

describe('bench PostgreSQL settings', () => {
  it('reads name=value pairs separated by commas', () => {
    expect(benchPostgresSettings('shared_buffers=2GB, work_mem=64MB')).toEqual(['shared_buffers=2GB', 'work_mem=64MB']);
    expect(benchPostgresSettings('')).toEqual([]);
  });

  it('refuses anything else', () => {
    expect(() => benchPostgresSettings('shared_buffers 2GB')).toThrow(/name=value/);
    expect(() => benchPostgresSettings('work_mem=64MB;DROP')).toThrow(/work_mem=64MB;DROP/);
  });
});
