// The company's Ed25519 key that signs evidence tree heads: from SENTINEL_LEDGER_KEY or the
// database (src/services/evidence/load-shared-ledger-key.ts); installations from before kept it
// in DATA_DIR/ledger-ed25519.pem, which is imported once. The public half is exportable as PEM
// so anyone can check a head with `openssl pkeyutl -verify -rawin` without trusting us.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface LedgerKey {
  /** SHA-256 (hex) of the public key's SPKI DER: names the key in every signed head. */
  keyId: string;
  publicKeyPem: string;
  sign(message: Uint8Array): Buffer;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/** The key file of installations from before the key moved to the database. */
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

/** PKCS#8 PEM, the form of the key file, of SENTINEL_LEDGER_KEY and of the database copy. */
export function exportLedgerPrivateKey(privateKey: KeyObject): string {
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A fresh in-memory key, for tests and tools that must not touch DATA_DIR. */
export function generateLedgerKey(): LedgerKey {
  return ledgerKeyFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

/**
 * Reads an Ed25519 private key given as PKCS#8 PEM, or as the base64 of its DER (one line, easier
 * in an environment variable); throws unless it is an Ed25519 private key.
 */
export function parseLedgerPrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}
