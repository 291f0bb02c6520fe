import { systemActor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { seedDemoCompany } from './seed-demo-company.ts';

const FIRST_START_KEY = 'server.firstStartedAt';

/**
 * Seeds the demo company on the very first server start only. Later starts (or a company that
 * deleted the demo people) are left alone.
 */
export async function seedOnFirstStart(deps: ServiceDeps): Promise<{ seeded: boolean; message: string }> {
  const claimed = await deps.db.appMeta.createMany({ data: [{ key: FIRST_START_KEY, value: deps.now().toISOString() }], skipDuplicates: true });
  if (claimed.count === 0) return { seeded: false, message: 'not the first start: existing data kept, nothing seeded' };
  try {
    return await seedDemoCompany(deps, { actor: systemActor('first-start', '首次启动') });
  } catch (error) {
    // Let the next start try again rather than leave a half-initialised company.
    await deps.db.appMeta.deleteMany({ where: { key: FIRST_START_KEY } });
    throw error;
  }
}
