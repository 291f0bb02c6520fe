import { systemActor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { seedDemoCompany } from './seed-demo-company.ts';

const FIRST_START_KEY = 'server.firstStartedAt';

/**
 * Seeds the demo company on the very first server start only. Later starts (or a company that
 * deleted the demo people) are left alone.
 */
export async function seedOnFirstStart(deps: ServiceDeps): Promise<{ seeded: boolean; message: string }> {
  if (await deps.db.appMeta.findUnique({ where: { key: FIRST_START_KEY } })) return { seeded: false, message: 'not the first start: existing data kept, nothing seeded' };
  // The seed is one transaction that claims its own key (instances starting together seed once),
  // and the first start is marked only after it: a start killed mid-seed leaves nothing, so the
  // next start seeds; one killed right after the seed finds the demo there and only marks.
  const result = await seedDemoCompany(deps, { actor: systemActor('first-start', '首次启动') });
  await deps.db.appMeta.createMany({ data: [{ key: FIRST_START_KEY, value: deps.now().toISOString() }], skipDuplicates: true });
  return result;
}
