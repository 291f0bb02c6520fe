import type { Command } from 'commander';
import type { Db } from '../db/client.ts';
import { dayIn, isValidDay } from '../domain/dates.ts';
import { findJob, jobRegistry } from '../jobs/registry.ts';
import { runJob } from '../jobs/run-job.ts';
import type { CommandContext } from './setup-commands.ts';

export function registerJobCommands(program: Command, ctx: CommandContext): void {
  const job = program.command('job').description('scheduled jobs');
  job
    .command('list')
    .description('list the jobs and their schedules')
    .action(() => {
      for (const j of jobRegistry) ctx.io.out.write(`${j.name.padEnd(30)} ${j.cron.padEnd(14)} ${j.description}\n`);
    });
  job
    .command('run <name>')
    .description('run one job once, as at the end of a day in BUSINESS_TZ')
    .option('--as-of <YYYY-MM-DD>', 'the day to run as of (default: today)')
    .option('--once', 'run at most once per day across all instances: skip when this job already ran (or runs) with --once for that day')
    .action((name: string, opts: { asOf?: string; once?: boolean }) => {
      const definition = findJob(name);
      const asOf = opts.asOf ?? dayIn(ctx.config.BUSINESS_TZ, new Date());
      if (!isValidDay(asOf)) throw new Error(`--as-of must be a real date as YYYY-MM-DD, got "${asOf}"`);
      return ctx.withRuntime(async (rt) => {
        // --once claims the day's slot, as a scheduled tick does: cron on several hosts runs it once.
        const slot = opts.once ? `once:${asOf}` : undefined;
        const summary = await runJob(rt.deps, definition, { asOf, trigger: 'cli', slot, log: ctx.log });
        ctx.io.out.write(`${name} as of ${asOf}: ${summary ?? (await skippedBecause(rt.deps.db, name, slot as string))}\n`);
      });
    });
}

/** Why a --once run was skipped: the day's run finished, or another host runs it now. */
async function skippedBecause(db: Db, name: string, slot: string): Promise<string> {
  const run = await db.jobRun.findUnique({ where: { name_slot: { name, slot } }, select: { finishedAt: true } });
  return run?.finishedAt ? 'skipped, already run for this day (--once)' : 'skipped, another host is running it for this day (--once); if that host died, rerun a minute later to take its run over';
}
