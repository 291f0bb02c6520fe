// CPU time (user + system, from /proc) of the server process and of the bench's PostgreSQL
// (postmaster and its children). Context for the ingest figures: on a shared machine the
// throughput ratios swing with the load, the CPU each request costs much less.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

function stat(pid: number): { ppid: number; cpuUs: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuUs: (Number(f[11]) + Number(f[12])) * TICK_US };
  } catch {
    return undefined; // exited
  }
}

function postmasterOf(port: number): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmd = (() => { try { return readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0'); } catch { return []; } })();
    if (cmd[0]?.endsWith('/postgres') && cmd.includes('-p') && cmd[cmd.indexOf('-p') + 1] === String(port)) return Number(name);
  }
  return undefined;
}

/** Returns a reader of the CPU µs used so far by the server and by PostgreSQL (exited backends are not counted). */
export function processCpu(serverPid: number, databaseUrl: string): () => { serverUs: number; postgresUs: number } {
  const postmaster = postmasterOf(Number(new URL(databaseUrl).port));
  return () => {
    let postgresUs = 0;
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const s = stat(Number(name));
      if (s && (Number(name) === postmaster || s.ppid === postmaster)) postgresUs += s.cpuUs;
    }
    return { serverUs: stat(serverPid)?.cpuUs ?? 0, postgresUs };
  };
}
