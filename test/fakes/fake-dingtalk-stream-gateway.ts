// A loopback DingTalk Stream gateway: the HTTP "open connection" endpoint (credentials checked,
// single-use tickets valid 90 s) and a WebSocket speaking the Stream protocol. Tests push
// CALLBACK / EVENT / SYSTEM frames and read the acks the client sends back, with timestamps.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface StreamAck {
  messageId: string;
  code: number;
  /** The ack's data, parsed (it travels as a JSON string). */
  data: unknown;
  headers: Record<string, unknown>;
  at: number;
}
export interface PushedFrame {
  messageId: string;
  /** performance.now(), like StreamAck.at. */
  sentAt: number;
}
export interface OpenRequest {
  clientId: string;
  ua: string;
  subscriptions: { type: string; topic: string }[];
}
interface FrameInput {
  type: 'SYSTEM' | 'EVENT' | 'CALLBACK';
  topic: string;
  data: string;
  messageId?: string;
  headers?: Record<string, string>;
}

const OPEN_PATH = '/v1.0/gateway/connections/open';

export async function startFakeDingtalkStreamGateway(opts: { clientId: string; clientSecret: string; ticketTtlMs?: number }) {
  const tickets = new Map<string, number>();
  const sockets = new Set<WebSocket>();
  const acks: StreamAck[] = [];
  const openRequests: OpenRequest[] = [];
  const waiters = new Set<() => void>();
  let connections = 0;
  let answerPings = true;
  let port = 0;

  const wss = new WebSocketServer({ noServer: true, autoPong: false });
  const http = createServer((req, res) => void openConnection(req, res));
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    const expires = tickets.get(ticket);
    tickets.delete(ticket); // single use, even when expired
    if (url.pathname !== '/connect' || expires === undefined || expires < Date.now()) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  async function openConnection(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== OPEN_PATH) return reply(res, 404, { code: 'NotFound', message: req.url });
    // The real gateway answers XML unless asked for JSON.
    if (!String(req.headers.accept).includes('application/json')) {
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<OpenConnectionResponse/>');
      return;
    }
    let body: Partial<OpenRequest & { clientSecret: string }>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(res, 400, { code: 'InvalidParameter', message: 'body is not JSON' });
    }
    if (body.clientId !== opts.clientId || body.clientSecret !== opts.clientSecret) {
      return reply(res, 401, { code: 'InvalidAuthentication', message: 'clientId or clientSecret is invalid' });
    }
    if (!Array.isArray(body.subscriptions) || body.subscriptions.length === 0) {
      return reply(res, 400, { code: 'InvalidParameter', message: 'subscriptions is required' });
    }
    openRequests.push({ clientId: body.clientId, ua: String(body.ua ?? ''), subscriptions: body.subscriptions });
    const ticket = randomUUID();
    tickets.set(ticket, Date.now() + (opts.ticketTtlMs ?? 90_000));
    reply(res, 200, { endpoint: `ws://127.0.0.1:${port}/connect`, ticket });
  }

  function accept(ws: WebSocket): void {
    connections++;
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // autoPong is off so a test can play a peer that went silent.
    ws.on('ping', (payload) => {
      if (answerPings) ws.pong(payload);
    });
    ws.on('message', (raw) => {
      const ack = parse(raw.toString()) as { code?: number; headers?: Record<string, unknown>; data?: string } | undefined;
      const headers = ack?.headers ?? {};
      acks.push({ messageId: String(headers.messageId), code: ack?.code ?? 0, headers, data: parse(ack?.data), at: performance.now() });
      notify();
    });
    notify();
  }

  function push(frame: FrameInput): PushedFrame {
    const messageId = frame.messageId ?? randomUUID();
    const headers = {
      appId: opts.clientId,
      connectionId: 'fake-connection',
      contentType: 'application/json',
      messageId,
      time: String(Date.now()),
      topic: frame.topic,
      ...frame.headers,
    };
    sendRaw(JSON.stringify({ specVersion: '1.0', type: frame.type, headers, data: frame.data }));
    return { messageId, sentAt: performance.now() };
  }

  /** Sends text as is (for malformed frames) to every open socket. */
  function sendRaw(text: string): void {
    if (sockets.size === 0) throw new Error('fake Stream gateway: no client is connected');
    for (const ws of sockets) ws.send(text);
  }

  function notify(): void {
    for (const check of [...waiters]) check();
  }

  /** Resolves when `predicate` holds; re-checked at every ack and connection. */
  function waitFor<T>(predicate: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (value === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`fake Stream gateway: timed out waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;

  return {
    gatewayUrl: `http://127.0.0.1:${port}${OPEN_PATH}`,
    openRequests,
    acks,
    connectionCount: () => connections,
    openSockets: () => sockets.size,
    pushCallback: (topic: string, data: unknown, messageId?: string) =>
      push({ type: 'CALLBACK', topic, data: typeof data === 'string' ? data : JSON.stringify(data), messageId }),
    pushEvent: (eventType: string, data: unknown, ids: { messageId?: string; eventId?: string } = {}) =>
      push({
        type: 'EVENT',
        topic: '*',
        data: JSON.stringify(data),
        messageId: ids.messageId,
        headers: { eventType, eventId: ids.eventId ?? randomUUID(), eventBornTime: String(Date.now()), eventCorpId: 'ding-corp' },
      }),
    ping: () => push({ type: 'SYSTEM', topic: 'ping', data: JSON.stringify({ opaque: randomUUID() }) }),
    sendRaw,
    /** The `nth` (1-based) ack carrying this messageId. */
    waitForAck: (messageId: string, nth = 1, timeoutMs?: number) =>
      waitFor(() => acks.filter((a) => a.messageId === messageId)[nth - 1], `ack #${nth} of ${messageId}`, timeoutMs),
    waitForConnections: (n: number, timeoutMs?: number) =>
      waitFor(() => (connections >= n && sockets.size > 0 ? true : undefined), `${n} connections`, timeoutMs),
    /** false: WebSocket pings go unanswered, as from a peer behind a dead NAT entry. */
    answerPings(on: boolean): void {
      answerPings = on;
    },
    /** Ends every socket abruptly, as a network failure or gateway restart would. */
    dropConnection(): void {
      for (const ws of sockets) ws.terminate();
    },
    async close(): Promise<void> {
      for (const ws of sockets) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

export type FakeDingtalkStreamGateway = Awaited<ReturnType<typeof startFakeDingtalkStreamGateway>>;

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function parse(data: string | undefined): unknown {
  try {
    return data === undefined ? undefined : JSON.parse(data);
  } catch {
    return data;
  }
}
