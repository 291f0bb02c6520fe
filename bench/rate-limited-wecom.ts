// A loopback WeCom for the outbox bench that enforces the documented per-member limits the way
// WeCom does: a message beyond 30 per minute (or 1000 per hour) to one member is answered
// "ok" and dropped silently (/work/shared/reference/wecom.md, "Sending and limits"). The windows
// are scaled (one "minute" = `minuteMs`) so the section runs in seconds. It counts what members
// would see per message key (the text's content): accepted, dropped, duplicates.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateWindow } from '../src/platforms/wecom/recipient-rate-limit.ts';

export const scaledMemberLimits = (minuteMs: number): RateWindow[] => [{ limit: 30, windowMs: minuteMs }, { limit: 1000, windowMs: 60 * minuteMs }];

export interface RateLimitedWecom {
  url: string;
  accepted: Map<string, number>;
  /** When each member's accepted messages arrived, in order. */
  acceptedAt: Map<string, number[]>;
  dropped: number;
  firstAt: number;
  lastAt: number;
  close(): Promise<void>;
}

export async function startRateLimitedWecom(windows: RateWindow[]): Promise<RateLimitedWecom> {
  const sent = new Map<string, number[]>();
  const state: RateLimitedWecom = { url: '', accepted: new Map(), acceptedAt: new Map(), dropped: 0, firstAt: 0, lastAt: 0, close: async () => {} };
  const allowed = (member: string, at: number) => {
    const times = sent.get(member) ?? [];
    if (windows.some((w) => times.filter((t) => t > at - w.windowMs).length >= w.limit)) return false;
    sent.set(member, [...times.filter((t) => t > at - Math.max(...windows.map((w) => w.windowMs))), at]);
    return true;
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/cgi-bin/gettoken')) return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'bench-token', expires_in: 7200 }));
      if (!req.url?.startsWith('/cgi-bin/message/send')) return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      const m = JSON.parse(body) as { touser: string; text?: { content: string } };
      const at = performance.now();
      for (const member of m.touser.split('|')) {
        if (!allowed(member, at)) {
          state.dropped++;
          continue;
        }
        const key = `${member}:${m.text?.content ?? ''}`;
        state.accepted.set(key, (state.accepted.get(key) ?? 0) + 1);
        state.acceptedAt.set(member, [...(state.acceptedAt.get(member) ?? []), at]);
        state.firstAt ||= at;
        state.lastAt = at;
      }
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', invaliduser: '' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((ok) => server.close(() => ok()));
  return state;
}
