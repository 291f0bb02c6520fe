// The session-bound CSRF token. It is derived from the session token (HMAC), so nothing is stored
// and it dies with the session; the server compares the header with the value derived from the
// cookie, never with another cookie, so a cookie planted by a sibling site cannot forge it.
// The H5 reads it from a script-readable cookie and sends it as X-CSRF-Token (src/h5/api.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'sentinel_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** @example csrfTokenOf(sessionToken) // → 43 base64url characters */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('sentinel csrf v1').digest('base64url');
}

/** True when `presented` is the token of this session (constant time). */
export function isCsrfTokenOf(sessionToken: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenOf(sessionToken));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
