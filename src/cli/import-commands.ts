import type { Command } from 'commander';
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
}
