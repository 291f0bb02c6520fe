// Secrets generated on first start (admin token, master key) live in DATA_DIR files.
// Several instances may start at once on one DATA_DIR, so the file is created atomically: the
// value is written in full to a private temp file, then hard-linked into place. link() fails with
// EEXIST when another instance won the race; we then read its value, never a half-written file.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Reads `file`, or creates it (mode 0600) with `make()`; `created` is true only for the process that wrote it. */
export function readOrCreateSecretFile(file: string, make: () => string): { value: string; created: boolean } {
  mkdirSync(dirname(file), { recursive: true });
  const existing = readIfPresent(file);
  if (existing !== undefined) return { value: existing, created: false };
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, make(), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
    return { value: readFileSync(file, 'utf8'), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { value: readFileSync(file, 'utf8'), created: false };
  } finally {
    unlinkSync(temp);
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
