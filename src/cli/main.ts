// `sentinel` CLI. Works whether or not the server runs: with the embedded database it joins
// the running instance or starts the database for the duration of the command.
import { Command, CommanderError } from 'commander';
import { ConfigError, parseEnv, readProcessEnv, type Env } from '../config.ts';
import { createLogger } from '../log.ts';
import { drainOutbox } from '../outbox/drain-outbox.ts';
import { startOutboxWorkers } from '../outbox/outbox-workers.ts';
import { createDeliveryHooks } from '../services/delivery-hooks.ts';
import { createChatPlatforms } from '../platforms/create-chat-platforms.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { cardBaseUrl } from '../server/server-address-file.ts';
import { registerBackupCommands } from './backup-commands.ts';
import { useChineseZodMessages } from '../http/zod-chinese.ts';
import { registerCalcCommands } from './calc-commands.ts';
import { registerCalendarCommands } from './calendar-commands.ts';
import { registerImportCommands } from './import-commands.ts';
import { registerJobCommands } from './job-commands.ts';
import { registerEvidenceCommands } from './evidence-commands.ts';
import { registerKeysCommands } from './keys-commands.ts';
import { registerPolicyCommands } from './policy-commands.ts';
import { registerReportCommands } from './report-commands.ts';
import { registerSetupCommands } from './setup-commands.ts';

export interface CliIo {
  out: { write(s: string): unknown; isTTY?: boolean };
  err: { write(s: string): unknown };
}

/** Opens the runtime for one command and always closes it. */
export type WithRuntime = <T>(fn: (rt: Runtime) => Promise<T>) => Promise<T>;

/** The CLI's configuration: cards it queues link to the server running on this DATA_DIR unless PUBLIC_BASE_URL is set. */
export function cliConfig(env: Record<string, string | undefined>): Env {
  const parsed = parseEnv(env);
  return { ...parsed, PUBLIC_BASE_URL: cardBaseUrl({ configured: parsed.PUBLIC_BASE_URL, setExplicitly: Boolean(env.PUBLIC_BASE_URL), dataDir: parsed.DATA_DIR }) };
}

export function buildProgram(env: Record<string, string | undefined>, io: CliIo, setExitCode: (code: number) => void): Command {
  const config = cliConfig(env);
  // Validation messages a person reads (a refused policy file) are Chinese here too.
  useChineseZodMessages();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, { stderr: true });
  // Every command runs the outbox workers, so messages it queues (and any backlog) are delivered
  // even when no server runs; before exiting it waits up to 5 s for its own messages.
  const withRuntime: WithRuntime = async (fn) => {
    const rt = await openRuntime(config, log);
    const since = new Date(Date.now() - 1000);
    try {
      const workers = await startOutboxWorkers({ boss: rt.boss, db: rt.db, platforms: createChatPlatforms(config, { db: rt.db, clients: rt.deps.platformClients }), files: rt.deps.files, hooks: createDeliveryHooks({ businessTz: rt.deps.businessTz }), log });
      try {
        return await fn(rt);
      } finally {
        const pending = await drainOutbox(rt.db, { since, timeoutMs: 5000 });
        if (pending > 0) io.err.write(`${pending} 条消息尚未发出，将由服务器或下一条命令继续投递\n`);
        await workers.stop();
      }
    } finally {
      await rt.close();
    }
  };
  const program = new Command('sentinel')
    .description('shebao-sentinel 社保哨兵 command line')
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .exitOverride();
  const ctx = { config, log, io, withRuntime, setExitCode };
  registerSetupCommands(program, ctx);
  registerImportCommands(program, ctx);
  registerJobCommands(program, ctx);
  registerKeysCommands(program, ctx);
  registerEvidenceCommands(program, ctx);
  registerCalendarCommands(program, ctx);
  registerBackupCommands(program, ctx, env);
  registerPolicyCommands(program, ctx);
  registerCalcCommands(program, ctx);
  registerReportCommands(program, ctx);
  return program;
}


export async function runCli(argv: string[], env = readProcessEnv(), io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  let code = 0;
  try {
    await buildProgram(env, io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) io.err.write(`${error.message}\n`);
    else io.err.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
  return code;
}

if (import.meta.main) {
  // Exit with the command's code as soon as it is done, whatever handles are still open.
  process.exit(await runCli(process.argv.slice(2)));
}
