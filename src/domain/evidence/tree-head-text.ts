// The exact text a tree head's Ed25519 signature (and its RFC 3161 time-stamp) covers. Plain
// text, so a court's expert can read what was signed and check it with stock OpenSSL:
//   openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in head.txt -sigfile head.sig

export interface TreeHeadFields {
  size: number;
  /** Lower-case hex MTH of entries 0..size-1. */
  rootHash: string;
  /** ISO 8601, e.g. '2026-12-01T06:00:00.000Z'. */
  signedAt: string;
  /** SHA-256 (hex) of the signing key's SPKI DER. */
  keyId: string;
}

/** @example treeHeadText({ size: 2, rootHash: 'fac5…', signedAt: '2026-12-01T06:00:00.000Z', keyId: 'ab12…' }) */
export function treeHeadText(h: TreeHeadFields): string {
  return `shebao-sentinel evidence tree head v1\nsize: ${h.size}\nroot: ${h.rootHash}\ntime: ${h.signedAt}\nkey: ${h.keyId}\n`;
}
