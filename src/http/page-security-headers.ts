// Security headers for the pages people open: the H5 (/app/…) and the sandbox chat (/sandbox).
// The policy allows exactly what the Vite build loads: its own scripts, styles and fonts (Vant's
// icon font is a data: URL inside its CSS), images from here plus data:/blob: (the uploader's
// previews, the signature pad), and API calls to this origin. No inline script, no eval.
//
// frame-ancestors: on phones WeCom and DingTalk open the app as a top-level page in their own
// webview, so no framing is needed there; their desktop and web clients show workbench apps
// inside pages on their own domains. Neither platform publishes a list of framing origins, so we
// allow their web domains and nothing else (this origin, for our own previews):
//   WeCom    — work.weixin.qq.com and its subdomains: the web admin and client
//              (https://work.weixin.qq.com/wework_admin/frame) and the developer centre
//              developer.work.weixin.qq.com cited in /work/shared/reference/wecom.md;
//   DingTalk — *.dingtalk.com: its web client and workbench (im.dingtalk.com, open-dev.dingtalk.com,
//              ding-doc.dingtalk.com) beside the API hosts in /work/shared/reference/dingtalk.md.
import type { Middleware } from 'koa';
import type { AppState } from './state.ts';

export const PLATFORM_FRAME_ANCESTORS = ['https://work.weixin.qq.com', 'https://*.work.weixin.qq.com', 'https://*.dingtalk.com'] as const;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors 'self' ${PLATFORM_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** @example app.use(pageSecurityHeaders(['/app', '/sandbox'])) */
export function pageSecurityHeaders(prefixes: readonly string[]): Middleware<AppState> {
  const covers = (path: string) => prefixes.some((p) => path === p || path.startsWith(`${p}/`));
  return async (ctx, next) => {
    if (covers(ctx.path)) {
      ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      ctx.set('X-Content-Type-Options', 'nosniff');
      // Page URLs carry record ids; other sites need not learn them.
      ctx.set('Referrer-Policy', 'same-origin');
    }
    await next();
  };
}
