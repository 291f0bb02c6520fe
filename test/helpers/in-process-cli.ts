// The CLI run in this process against a given environment, capturing what it prints.
import { runCli } from '../../src/cli/main.ts';

export interface CliRun { code: number; out: string; err: string }

/** @example const cli = inProcessCli(env); const { code, out } = await cli('policy', 'list'); */
export function inProcessCli(env: Record<string, string>): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    let out = '';
    let err = '';
    const code = await runCli(args, env, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
    return { code, out, err };
  };
}
