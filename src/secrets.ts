// ADMIN_TOKEN and SENTINEL_MASTER_KEY: taken from the environment when set, otherwise generated
// once into DATA_DIR (mode 0600) so a restart keeps the same token and can still decrypt data.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from './config.ts';
import { readOrCreateSecretFile } from './crypto/secret-file.ts';

export interface Secrets {
  adminToken: string;
  masterKey: Buffer;
  /** Where each value came from, for `sentinel keys show`. */
  sources: { adminToken: 'env' | string; masterKey: 'env' | string };
  /** True only on the start that generated the admin token: the one time the banner shows it. */
  adminTokenCreated: boolean;
}

export const MASTER_KEY_FILE = 'master.key';

/** Names the master key without revealing it (`sentinel keys show`, backups). */
export function masterKeyFingerprint(masterKey: Buffer): string {
  return `sha256:${createHash('sha256').update(masterKey).digest('hex').slice(0, 16)}`;
}

export function loadSecrets(env: Env): Secrets {
  mkdirSync(env.DATA_DIR, { recursive: true });
  const tokenFile = join(env.DATA_DIR, 'admin-token');
  const keyFile = join(env.DATA_DIR, MASTER_KEY_FILE);
  const token = env.ADMIN_TOKEN ? { value: env.ADMIN_TOKEN, created: false } : readOrCreate(tokenFile, () => randomBytes(24).toString('base64url'));
  const adminToken = token.value;
  const masterKeyText = env.SENTINEL_MASTER_KEY ?? readOrCreate(keyFile, () => randomBytes(32).toString('base64')).value;
  const masterKey = Buffer.from(masterKeyText, 'base64');
  if (masterKey.length !== 32) throw new Error(`${keyFile} must hold 32 bytes in base64; restore it from backup`);
  return {
    adminToken,
    masterKey,
    sources: { adminToken: env.ADMIN_TOKEN ? 'env' : tokenFile, masterKey: env.SENTINEL_MASTER_KEY ? 'env' : keyFile },
    adminTokenCreated: token.created,
  };
}

function readOrCreate(file: string, make: () => string): { value: string; created: boolean } {
  const { value, created } = readOrCreateSecretFile(file, () => `${make()}\n`);
  return { value: value.trim(), created };
}
