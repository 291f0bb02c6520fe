// The signed-in person, fetched once and shared: the router guard loads it to decide whether
// a page may open, and "我的" renders the same answer instead of asking again.
import { api } from './api.ts';
import type { MeResponse } from '../domain/views/session.ts';

let current: Promise<MeResponse> | undefined;

/** Failures are not cached, so a retry asks the server again. */
export function loadMe(): Promise<MeResponse> {
  if (current) return current;
  const pending = api<MeResponse>('GET', '/h5/me');
  current = pending;
  pending.catch(() => {
    if (current === pending) current = undefined;
  });
  return pending;
}

/** After signing in or out the cached person is someone else (or nobody). */
export function forgetMe(): void {
  current = undefined;
}
