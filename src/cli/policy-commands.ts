// `sentinel policy import <file.json>` and `sentinel policy list [--city 上海]`: the city policy
// library (format: src/domain/policy/policy-file-schema.ts, docs/money.md).
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { AppError } from '../errors.ts';
import { importPolicyFile } from '../services/policies/import-policy-file.ts';
import { listPolicies } from '../services/policies/list-policies.ts';
import { formatImportReport, formatPolicyList } from './money-format.ts';
import { readTextFile } from './read-text-file.ts';
import type { CommandContext } from './setup-commands.ts';

const actor = systemActor('cli', '命令行');

async function readJson(file: string, ctx: CommandContext): Promise<unknown> {
  const text = await readTextFile(file, ctx.io);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.io.err.write(`文件 ${file} 不是有效的 JSON，请检查括号、引号和逗号\n`);
    return undefined;
  }
}

export function registerPolicyCommands(program: Command, ctx: CommandContext): void {
  const policy = program.command('policy').description('the city social-insurance policy library');
  policy
    .command('import <file>')
    .description('validate a city policy file (JSON), store its periods and print what changed')
    .action(async (file: string) => {
      const json = await readJson(file, ctx);
      if (json === undefined) return ctx.setExitCode(1);
      await ctx.withRuntime(async (rt) => {
        try {
          ctx.io.out.write(formatImportReport(await importPolicyFile(rt.deps, { actor, file: json })));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          ctx.io.err.write(`${err.message}\n`);
          ctx.setExitCode(1);
        }
      });
    });
  policy
    .command('list')
    .description('print the stored policy periods')
    .option('--city <city>', 'only this city')
    .action((opts: { city?: string }) =>
      ctx.withRuntime(async (rt) => {
        ctx.io.out.write(formatPolicyList(await listPolicies(rt.deps, { actor, city: opts.city })));
      }),
    );
}
