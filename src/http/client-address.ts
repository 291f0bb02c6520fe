// Who is really calling. X-Forwarded-For is whatever the client wrote, plus one address per proxy
// that appended to it; only the hops added by our own proxies (TRUSTED_PROXIES) can be believed.
// So we walk the chain from the socket address leftwards while the hop is a trusted proxy and take
// the first untrusted address: the right-most one nobody of ours vouches for. Signed evidence
// records that address, and the raw header beside it (a forged left part stays visible, never used).
import type { IncomingMessage } from 'node:http';
import type { Middleware } from 'koa';
import proxyaddr from 'proxy-addr';
import type { AppContext, AppState } from './state.ts';

/** Headers Koa reads when `app.proxy` is on; dropped when the peer is not a trusted proxy. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host'] as const;
/** The raw chain is recorded as evidence, but a client could send megabytes of it. */
const MAX_RAW_CHAIN = 512;

export type ProxyTrust = (address: string, hop: number) => boolean;

/** @example trustProxies(['10.0.0.0/8', '::1']) — throws on a malformed entry (config.ts validates first). */
export function trustProxies(list: readonly string[]): ProxyTrust {
  return proxyaddr.compile([...list]);
}

/**
 * The client address of a request and the raw X-Forwarded-For it came with.
 * @example clientAddressOf(req, trustProxies(['127.0.0.1'])) // XFF "6.6.6.6, 203.0.113.9" via 127.0.0.1 → { ip: '203.0.113.9', forwardedFor: '6.6.6.6, 203.0.113.9' }
 */
export function clientAddressOf(req: IncomingMessage, trust: ProxyTrust): { ip: string; forwardedFor?: string } {
  const header = req.headers['x-forwarded-for'];
  const raw = Array.isArray(header) ? header.join(', ') : header;
  // No chain: the socket peer is the client whatever the trust list says (what proxyaddr would
  // answer too), without parsing a header per request.
  if (!raw) return { ip: plainIp(req.socket.remoteAddress ?? '') };
  return { ip: plainIp(proxyaddr(req, trust)), ...(raw && { forwardedFor: raw.slice(0, MAX_RAW_CHAIN) }) };
}

/** Sets ctx.ip to the real client and ctx.state.forwardedFor to the raw chain; hides forwarding headers of untrusted peers from Koa. */
export function clientAddress(trustedProxies: readonly string[]): Middleware<AppState> {
  const trust = trustProxies(trustedProxies);
  return async (ctx, next) => {
    const { ip, forwardedFor } = clientAddressOf(ctx.req, trust);
    // Koa believes X-Forwarded-Proto / -Host whenever app.proxy is on; only a trusted peer may set them.
    if (!trust(ctx.req.socket.remoteAddress ?? '', 0)) for (const name of FORWARDING_HEADERS) delete ctx.req.headers[name];
    ctx.request.ip = ip;
    ctx.state.forwardedFor = forwardedFor;
    await next();
  };
}

/** Where a request came from, as actors and sessions record it. */
export function requestOrigin(ctx: AppContext): { ip: string; forwardedFor?: string; userAgent?: string } {
  return { ip: ctx.ip, ...(ctx.state.forwardedFor && { forwardedFor: ctx.state.forwardedFor }), userAgent: ctx.get('user-agent') || undefined };
}

/** '::ffff:203.0.113.9' (an IPv4 client on a dual-stack socket) → '203.0.113.9'. */
function plainIp(address: string): string {
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address;
}
