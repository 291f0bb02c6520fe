// Which process owns the running cluster of a DATA_DIR. The watchdog normally stops a cluster
// whose owner died; if the watchdog died too (the whole machine's processes killed but not
// PostgreSQL's), the next start finds the owner gone and stops the orphan before starting anew.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = (dataDir: string) => join(dataDir, 'pg.owner');

export function recordOwner(dataDir: string, postmasterPid: number): void {
  writeFileSync(file(dataDir), `${process.pid}\n${postmasterPid}\n`);
}

/** True when the record names this postmaster and its owner no longer runs. */
export function isOrphan(dataDir: string, postmasterPid: number): boolean {
  let owner: number, postmaster: number;
  try {
    [owner, postmaster] = readFileSync(file(dataDir), 'utf8').split('\n').map(Number) as [number, number];
  } catch {
    return false; // no record: started before records were kept; treat as owned
  }
  return postmaster === postmasterPid && !isRunning(owner);
}

export async function stopOrphan(postmasterPid: number): Promise<void> {
  process.kill(postmasterPid, 'SIGINT'); // fast shutdown
  for (let waited = 0; isRunning(postmasterPid); waited += 100) {
    if (waited > 60_000) throw new Error(`the embedded PostgreSQL left running (pid ${postmasterPid}) did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
