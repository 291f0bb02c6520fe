// PostgreSQL refuses to run as root. When we are root, the embedded cluster runs as the
// `postgres` system user instead (created on first use), and every path it needs must be
// reachable by that user, not only by us.
import { execFileSync, spawnSync } from 'node:child_process';

export interface PostgresAccount {
  uid: number;
  gid: number;
}

/** The account the cluster runs as: undefined when we are not root (it runs as us). */
export function postgresAccount(): PostgresAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (!userExists()) {
    execFileSync('groupadd', ['--system', '--force', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
  }
  return { uid: Number(idOf('-u')), gid: Number(idOf('-g')) };
}

/**
 * Whether the account can reach `path` (`x`: enter it or run it, `r`: read it), asked of the
 * kernel itself by a shell running as that account, so ACLs and every parent directory count.
 */
export function accountCanAccess(account: PostgresAccount | undefined, path: string, mode: 'x' | 'r'): boolean {
  if (!account) return true;
  const probe = spawnSync('/bin/sh', ['-c', `test -${mode} "$1"`, 'probe', path], { uid: account.uid, gid: account.gid, cwd: '/', stdio: 'ignore' });
  return probe.status === 0;
}

function userExists(): boolean {
  return spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
}

function idOf(flag: '-u' | '-g'): string {
  return execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim();
}
