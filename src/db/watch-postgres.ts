// Gives an embedded PostgreSQL a watchdog (postgres-watchdog.ts) that stops it when this
// process dies without stopping it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const watchdog = fileURLToPath(new URL('./postgres-watchdog.ts', import.meta.url));

export function watchPostgres(postmasterPid: number, dataDir: string): void {
  // Detached: a Ctrl-C or SIGKILL sent to our process group does not reach it. Unreferenced:
  // it never keeps this process alive.
  const child = spawn(process.execPath, [watchdog, String(postmasterPid), dataDir], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  child.unref();
  (child.stdin as unknown as { unref(): void }).unref();
}
