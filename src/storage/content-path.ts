// The one naming rule of stored files, shared by both stores and by backups: `<aa>/<sha256>`,
// where `aa` is the hash's first two hex digits. A name is checked before it touches a path or an
// object key, so no caller can reach outside the store (`../`, absolute paths, other prefixes).
import { AppError } from '../errors.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const CONTENT_PATH = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** `ab/ab12…`; throws AppError('validation_failed') for anything but a lower-case hex SHA-256. */
export function contentPath(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new AppError('validation_failed', `不是有效的 SHA-256：${sha256.slice(0, 80)}`);
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** The hash a relative path `<aa>/<sha256>` names, or undefined for anything else (temp files, strays). */
export function hashOfContentPath(path: string): string | undefined {
  const m = CONTENT_PATH.exec(path);
  return m && m[2]?.startsWith(m[1] as string) ? m[2] : undefined;
}
