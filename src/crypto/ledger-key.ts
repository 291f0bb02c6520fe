// The company's Ed25519 key that signs evidence tree heads. Generated once into DATA_DIR on first
// start (mode 0600, PKCS#8 PEM); the public half is exportable as PEM so anyone can check a head
// with `openssl pkeyutl -verify -rawin` without trusting us.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from './secret-file.ts';

export interface LedgerKey {
  /** SHA-256 (hex) of the public key's SPKI DER: names the key in every signed head. */
  keyId: string;
  publicKeyPem: string;
  sign(message: Uint8Array): Buffer;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export const LEDGER_KEY_FILE = 'ledger-ed25519.pem';

export function ledgerKeyFromPrivateKey(privateKey: KeyObject): LedgerKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (message) => sign(null, message, privateKey),
    verify: (message, signature) => verify(null, message, publicKey, signature),
  };
}

/** Loads DATA_DIR/ledger-ed25519.pem, creating it on first use. */
export function loadLedgerKey(dataDir: string): LedgerKey {
  const { value } = readOrCreateSecretFile(join(dataDir, LEDGER_KEY_FILE), () => exportLedgerPrivateKey(generateKeyPairSync('ed25519').privateKey));
  return ledgerKeyFromPrivateKey(createPrivateKey(value));
}

/** PKCS#8 PEM, the form of the key file, of SENTINEL_LEDGER_KEY and of the database copy. */
export function exportLedgerPrivateKey(privateKey: KeyObject): string {
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A fresh in-memory key, for tests and tools that must not touch DATA_DIR. */
export function generateLedgerKey(): LedgerKey {
  return ledgerKeyFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}
