import { systemActor, type Actor } from '../domain/actor.ts';
import { importContributions } from '../services/contributions/import-contributions.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { runSpreadsheetImport, type CliOut } from './import-employees-command.ts';

/**
 * `sentinel import contributions <file>`: the monthly export of the social-insurance system,
 * with progress, then the summary or every problem. Returns 0 imported, 1 rejected.
 */
export function runImportContributions(deps: ServiceDeps, filePath: string, out: CliOut, actor: Actor = systemActor('cli', '命令行')): Promise<number> {
  return runSpreadsheetImport(filePath, out, '导入缴费', (file) => importContributions(deps, { actor, ...file }));
}
