import { systemActor } from '../domain/actor.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { seedDemoCompany } from '../services/demo/seed-demo-company.ts';
import { seedPolicyLibrary } from '../services/policies/seed-policy-library.ts';
import { policiesDir } from '../runtime.ts';

/**
 * `sentinel seed --demo`: seeds the demo company, or says the database already has data.
 * Both outcomes are success (exit code 0): the database ends up seeded either way.
 */
export async function runSeedDemo(deps: ServiceDeps, out: { write(s: string): void }): Promise<number> {
  const result = await seedDemoCompany(deps, { actor: systemActor('cli', '命令行') });
  out.write(`${result.message}\n`);
  const cities = await seedPolicyLibrary(deps, { dir: policiesDir });
  if (cities.length > 0) out.write(`已导入内置社保政策：${cities.join('、')}\n`);
  return 0;
}
