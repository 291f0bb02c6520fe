import type { Command } from 'commander';
import type { Env } from '../config.ts';
import type { Logger } from '../log.ts';
import { runSeedDemo } from './seed-command.ts';
import type { CliIo, WithRuntime } from './main.ts';

export interface CommandContext {
  config: Env;
  log: Logger;
  io: CliIo;
  withRuntime: WithRuntime;
  setExitCode(code: number): void;
}

export function registerSetupCommands(program: Command, ctx: CommandContext): void {
  program
    .command('migrate')
    .description('apply pending database migrations (also done at every start)')
    .action(() =>
      ctx.withRuntime(async (rt) => {
        const { applied, alreadyApplied } = rt.migrations;
        ctx.io.out.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : `database is up to date (${alreadyApplied} migration(s) applied)\n`);
      }),
    );
  program
    .command('seed')
    .description('create the demo company (60+ employees); does nothing on a database that has data')
    .requiredOption('--demo', 'seed the demo company')
    .action(() =>
      ctx.withRuntime(async (rt) => {
        ctx.setExitCode(await runSeedDemo(rt.deps, ctx.io.out));
      }),
    );
}
