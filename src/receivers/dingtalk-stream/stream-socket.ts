// One Stream WebSocket: opened from the ticketed URL, text frames handed on, and a heartbeat
// that ends a half-open socket (a peer gone without a FIN would otherwise look connected forever).
import WebSocket from 'ws';
import type { Logger } from '../../log.ts';

export interface StreamSocketOptions {
  log: Logger;
  /** WebSocket ping period; a socket silent for a whole period after a ping is terminated. */
  heartbeatMs: number;
  onText(text: string): void;
  /** Always called once; `openedAt` is undefined when the socket never opened. */
  onClose(code: number, reason: string, openedAt: number | undefined): void;
}

/** Returns the socket at once (so it can be closed while connecting) and a promise for its opening. */
export function openStreamSocket(url: string, opts: StreamSocketOptions): { socket: WebSocket; opened: Promise<void> } {
  const socket = new WebSocket(url, { handshakeTimeout: 10_000 });
  let openedAt: number | undefined;
  let alive = true;
  let heartbeat: NodeJS.Timeout | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('open', () => {
      openedAt = Date.now();
      heartbeat = setInterval(() => {
        if (!alive) {
          opts.log.warn('DingTalk Stream missed a heartbeat: dropping the half-open socket');
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
      }, opts.heartbeatMs);
      resolve();
    });
    socket.on('error', (error) => {
      if (openedAt === undefined) reject(new Error(`Stream WebSocket ${new URL(url).host} failed: ${error.message}`));
      else opts.log.warn({ err: error.message }, 'DingTalk Stream socket error');
    });
    socket.on('close', (code, reason) => {
      clearInterval(heartbeat);
      if (openedAt === undefined) reject(new Error(`Stream WebSocket closed before opening (code ${code})`));
      opts.onClose(code, reason.toString(), openedAt);
    });
  });
  socket.on('pong', () => {
    alive = true;
  });
  socket.on('message', (data, isBinary) => {
    alive = true;
    if (isBinary) opts.log.warn('binary Stream frame skipped: the protocol sends JSON text');
    else opts.onText(data.toString());
  });
  return { socket, opened };
}
