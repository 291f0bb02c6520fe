// The evidence ledger's signing key, the same on every instance of one company: instances on
// separate machines share only the database, so the key comes from SENTINEL_LEDGER_KEY or from
// the database (AppMeta, sealed with the master key), never from a file only one machine has.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { exportLedgerPrivateKey, LEDGER_KEY_FILE, ledgerKeyFromPrivateKey, parseLedgerPrivateKey, type LedgerKey } from '../../crypto/ledger-key.ts';
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import type { Db } from '../../db/client.ts';

export const LEDGER_KEY_META = 'evidence.ledgerSigningKey';

export interface SharedLedgerKey {
  key: LedgerKey;
  /** 'env' (SENTINEL_LEDGER_KEY) or 'database'. */
  source: 'env' | 'database';
}

/**
 * The first instance to reach an empty database stores its key there (insert-if-absent, so two
 * instances starting together agree on whichever row won); every other start reads that row.
 * An installation from before keeps signing with its DATA_DIR/ledger-ed25519.pem: that key is
 * the one stored.
 */
export async function loadSharedLedgerKey(opts: { db: Db; cipher: PersonalDataCipher; fromEnv?: string; dataDir: string }): Promise<SharedLedgerKey> {
  if (opts.fromEnv) return { key: ledgerKeyFromPrivateKey(parseLedgerPrivateKey(opts.fromEnv)), source: 'env' };
  let row = await opts.db.appMeta.findUnique({ where: { key: LEDGER_KEY_META } });
  if (!row) {
    const legacyFile = join(opts.dataDir, LEDGER_KEY_FILE);
    const pem = existsSync(legacyFile) ? readFileSync(legacyFile, 'utf8') : exportLedgerPrivateKey(generateKeyPairSync('ed25519').privateKey);
    await opts.db.appMeta.createMany({ data: [{ key: LEDGER_KEY_META, value: opts.cipher.encrypt(pem) }], skipDuplicates: true });
    row = await opts.db.appMeta.findUniqueOrThrow({ where: { key: LEDGER_KEY_META } });
  }
  return { key: ledgerKeyFromPrivateKey(parseLedgerPrivateKey(unseal(opts.cipher, row.value))), source: 'database' };
}

function unseal(cipher: PersonalDataCipher, sealed: string): string {
  try {
    return cipher.decrypt(sealed);
  } catch {
    throw new Error('The evidence ledger key in the database cannot be decrypted: every instance must run with the same SENTINEL_MASTER_KEY (restore it from backup)');
  }
}
