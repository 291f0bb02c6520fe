import type { Command } from 'commander';
import { runImportContributions } from './import-contributions-command.ts';
import { runImportEmployees } from './import-employees-command.ts';
import type { CommandContext } from './setup-commands.ts';

export function registerImportCommands(program: Command, ctx: CommandContext): void {
  const imp = program.command('import').description('import spreadsheets (.xlsx or UTF-8 .csv, Chinese header row)');
  imp
    .command('employees <file>')
    .description('import or update the roster; rejects the whole file when any row is invalid')
    .action((file: string) =>
      ctx.withRuntime(async (rt) => {
        ctx.setExitCode(await runImportEmployees(rt.deps, file, ctx.io.out));
      }),
    );
  imp
    .command('contributions <file>')
    .description('import the monthly contribution export (工号 · 所属期 · 险种 · 缴费基数 · 单位缴纳 · 个人缴纳); all or nothing, re-import is idempotent')
    .action((file: string) =>
      ctx.withRuntime(async (rt) => {
        ctx.setExitCode(await runImportContributions(rt.deps, file, ctx.io.out));
      }),
    );
}
