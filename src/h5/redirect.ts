// Where to go after signing in. The ?redirect= value comes from the address bar, so only an
// in-app path that names a real page is followed; anything else goes home.
import type { Router } from 'vue-router';
import { LOGIN_PAGE } from './session-guard.ts';

export function redirectTarget(router: Router, raw: unknown, home: string): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//')) return home;
  const resolved = router.resolve(raw);
  const known = resolved.matched.length > 0 && resolved.name !== undefined && resolved.name !== LOGIN_PAGE;
  return known ? resolved.fullPath : home;
}
