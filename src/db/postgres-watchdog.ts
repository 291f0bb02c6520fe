// `node postgres-watchdog.ts <postmaster pid> <data dir>`: started detached beside an embedded
// PostgreSQL by the process that owns it, with a pipe from that process as its stdin. The pipe
// closes when the owner exits for any reason, SIGKILL and out-of-memory included, which no
// handler inside the owner can catch; then, if the same cluster still runs, it is shut down
// (fast shutdown) so that no PostgreSQL is left running alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [pidArg, dataDir] = process.argv.slice(2);
const pid = Number(pidArg);

function stillOurs(): boolean {
  try {
    // PostgreSQL removes postmaster.pid on shutdown; its first line is the postmaster's pid.
    return Number(readFileSync(join(dataDir!, 'postmaster.pid'), 'utf8').split('\n')[0]) === pid && alive();
  } catch {
    return false;
  }
}

function alive(): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopCluster(): Promise<void> {
  if (!stillOurs()) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive(); waited += 200) {
    if (waited === 60_000) process.kill(pid, 'SIGQUIT');
    await new Promise((r) => setTimeout(r, 200));
  }
}

process.stdin.on('error', () => {});
process.stdin.once('close', () => void stopCluster().finally(() => process.exit(0)));
process.stdin.resume();
