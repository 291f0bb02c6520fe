// The shipped policy library (prisma/policies/*.json) for every city the database does not know
// yet: on each server start and `sentinel seed`. A city HR already maintains is never overwritten.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemActor } from '../../domain/actor.ts';
import { importPolicyFile } from './import-policy-file.ts';

type SeedDeps = Parameters<typeof importPolicyFile>[0];

/** @example await seedPolicyLibrary(deps, { dir: 'prisma/policies' }) // ['上海', '北京', …] on the first run, [] after */
export async function seedPolicyLibrary(deps: SeedDeps, o: { dir: string }): Promise<string[]> {
  const actor = systemActor('policy-seed', '内置政策库');
  const seeded: string[] = [];
  for (const name of (await readdir(o.dir)).filter((n) => n.endsWith('.json')).sort()) {
    const file: unknown = JSON.parse(await readFile(join(o.dir, name), 'utf8'));
    const city = (file as { city?: unknown }).city;
    if (typeof city !== 'string' || (await deps.db.cityPolicy.count({ where: { city } })) > 0) continue;
    await importPolicyFile(deps, { actor, file, notify: false });
    seeded.push(city);
  }
  return seeded;
}
