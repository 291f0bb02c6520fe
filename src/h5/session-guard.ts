// Pages not open to PUBLIC need a session. The guard asks the server (GET /h5/me) rather than
// trusting anything client-side; the cookie is HttpOnly, so that is the only way to know.
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import { ApiError } from './api.ts';
import { privacyNoticePending } from './privacy.ts';
import { loadMe } from './session.ts';

export const LOGIN_PAGE = 'login';
export const PRIVACY_PAGE = 'privacy';

export async function sessionGuard(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  if (to.meta.roles?.includes('PUBLIC')) return true;
  try {
    const me = await loadMe();
    // 《个人信息保护法》第十七条: the privacy notice comes first, until the employee acknowledges it.
    if (to.name !== PRIVACY_PAGE && (await privacyNoticePending(me.employee.id))) return { name: PRIVACY_PAGE, query: { redirect: to.fullPath } };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { name: LOGIN_PAGE, query: { redirect: to.fullPath } };
    // Network or server trouble: let the page open; it shows the error with a retry button.
  }
  return true;
}
