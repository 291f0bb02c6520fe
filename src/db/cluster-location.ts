// Where the cluster of DATA_DIR/pg lives. As root it runs as the `postgres` user, which cannot
// enter a DATA_DIR inside a private directory (/root, anything from `mktemp -d`). Rather than
// open up such a directory, a new cluster then lives under CLUSTER_HOME, and DATA_DIR/pg is a
// symbolic link to it: DATA_DIR/pg stays the one place to look, and the link says where the
// data really is (back up through the link, e.g. `tar -h`).
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, realpathSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ConfigError } from '../config.ts';
import { accountCanAccess, type PostgresAccount } from './postgres-account.ts';

export const CLUSTER_HOME = '/var/lib/shebao-sentinel';

/** The real directory of the cluster for DATA_DIR (created and linked when needed). */
export function clusterDirectory(dataDir: string, account: PostgresAccount | undefined, log: (m: string) => void): string {
  const link = resolve(dataDir, 'pg');
  if (!account) return link;
  const isLink = lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  if (isLink && !existsSync(link)) {
    throw new ConfigError(`${link} links to ${readlinkSync(link)}, which no longer exists. Restore the cluster there, or remove the link to start an empty one.`);
  }
  const dir = isLink ? realpathSync(link) : link;
  if (existsSync(dir)) {
    if (accountCanAccess(account, dir, 'x')) return dir;
    throw new ConfigError(
      `The embedded PostgreSQL runs as the postgres user (we are root), which cannot enter ${dir}: a parent directory is private. ` +
        `Move it (or set DATA_DIR) to a directory the postgres user can enter, or let it through each private parent (setfacl -m u:postgres:x <dir>), then start again.`,
    );
  }
  if (accountCanAccess(account, resolve(dataDir), 'x')) return dir;
  const real = realpathSync(dataDir);
  mkdirSync(CLUSTER_HOME, { recursive: true });
  chmodSync(CLUSTER_HOME, 0o755);
  // A new directory each time: a cluster left there by an earlier DATA_DIR of the same path
  // (deleted with its link and password) is never reused, nor removed.
  const home = mkdtempSync(join(CLUSTER_HOME, `${basename(real)}-`));
  chmodSync(home, 0o755);
  symlinkSync(join(home, 'pg'), link);
  log(`the postgres user cannot enter ${real}: the embedded PostgreSQL cluster lives in ${home}/pg, linked from ${link}`);
  return join(home, 'pg');
}
