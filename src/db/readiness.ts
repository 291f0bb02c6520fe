import type { Db } from './client.ts';
import { listMigrations } from './migrate.ts';

export interface Readiness {
  ready: boolean;
  database: 'ok' | string;
  pendingMigrations: string[];
}

/** Ready when the database answers and every migration in the repo is applied. */
export async function checkReadiness(db: Db, migrationsDir: string): Promise<Readiness> {
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = listMigrations(migrationsDir).map((m) => m.name).filter((n) => !applied.has(n));
    return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending };
  } catch (error) {
    return { ready: false, database: `unreachable: ${(error as Error).message}`, pendingMigrations: [] };
  }
}
