// A loopback HTTP server for the platform fakes: records every request, and can be told to
// fail the next calls (5xx, a timeout, an expired token) the way real platforms do.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * 'timeout': the request is never acted on nor answered; 'answer-lost': it is acted on (the
 * platform sends the message) but the answer never arrives, as when a connection dies after.
 */
export type FailKind = '5xx' | 'timeout' | 'answer-lost' | 'expired-token';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw text for other content types (multipart). */
  body: unknown;
  /** The body's exact bytes (multipart uploads are checked byte for byte). */
  rawBody: Buffer;
  at: number;
}

export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/** `fail` is 'expired-token' when the platform fake must answer with its own token error. */
export type FakeHandler = (req: RecordedRequest, fail?: 'expired-token') => FakeAnswer | Promise<FakeAnswer>;

export interface FakeHttpServer {
  url: string;
  requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  /**
   * The next `n` requests (to `path`, or to anything but the token endpoint) fail this way;
   * with `after`, that many matching requests are answered normally first.
   */
  failNext(n: number, kind: FailKind, path?: string, after?: number): void;
  /** Ends an outage: failures still queued by failNext/answerNext are dropped. */
  clearFailures(): void;
  /** The next `n` requests to `path` get this answer instead (e.g. WeCom's 45009 rate limit). */
  answerNext(n: number, path: string, answer: FakeAnswer): void;
  close(): Promise<void>;
}

/** One multipart upload's file part, parsed the way a platform would (field name, file name, bytes). */
export async function readMultipartFile(req: RecordedRequest, field: string): Promise<{ fileName: string; type: string; bytes: Buffer } | undefined> {
  const contentType = String(req.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data')) return undefined;
  const form = await new Response(new Uint8Array(req.rawBody), { headers: { 'content-type': contentType } }).formData().catch(() => undefined);
  const file = form?.get(field);
  if (!file || typeof file === 'string') return undefined;
  return { fileName: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
}

export async function startFakeHttpServer(handler: FakeHandler, opts: { tokenPaths: string[] }): Promise<FakeHttpServer> {
  const requests: RecordedRequest[] = [];
  const failures: { kind: FailKind | FakeAnswer; path?: string; skip?: number }[] = [];
  const hanging = new Set<ServerResponse>();

  const takeFailure = (path: string): FailKind | FakeAnswer | undefined => {
    const i = failures.findIndex((f) => (f.path ? f.path === path : !opts.tokenPaths.includes(path)));
    const found = failures[i];
    if (found?.skip) {
      found.skip--;
      return undefined;
    }
    return i < 0 ? undefined : failures.splice(i, 1)[0]?.kind;
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks);
    const raw = rawBody.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const json = (req.headers['content-type'] ?? '').includes('application/json');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: json && raw ? JSON.parse(raw) : raw,
      rawBody,
      at: Date.now(),
    };
    requests.push(recorded);
    const failure = takeFailure(url.pathname);
    if (failure === 'timeout' || failure === 'answer-lost') {
      if (failure === 'answer-lost') await handler(recorded);
      hanging.add(res); // never answered: the client's timeout must fire
      return;
    }
    const answer =
      typeof failure === 'object' ? failure
      : failure === '5xx' ? { status: 502, body: { message: 'Bad Gateway (fake)' } }
      : await handler(recorded, failure);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    failNext(n, kind, path, after) {
      for (let i = 0; i < n; i++) failures.push({ kind, path, skip: i === 0 ? after : undefined });
    },
    clearFailures() {
      failures.length = 0;
    },
    answerNext(n, path, answer) {
      for (let i = 0; i < n; i++) failures.push({ kind: answer, path });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
