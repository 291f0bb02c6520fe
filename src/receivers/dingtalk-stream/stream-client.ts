// A DWClient that keeps the SDK's vocabulary (registerCallbackListener, socketCallBackResponse,
// onDownStream/onSystem/onEvent/onCallback, per-client subscriptions) but owns the transport.
// Why not the SDK's connect()/_connect(): the gateway URL is a constant; the socket and URL are
// private, so a subclass cannot watch them; it retries every second forever and, when a
// connection attempt errors, both its error and close handlers schedule a retry (two loops);
// it logs to the console; an unparsable frame throws inside the socket handler and kills the
// process; and EVENT frames are acked with the handler's synchronous return value, which cannot
// wait for the database (returning SUCCESS before the row is written loses the event on a crash;
// returning LATER for everything makes DingTalk redeliver every event). Here: configurable
// gateway, backoff with jitter, a heartbeat (stream-socket.ts), guarded frames, and EVENT acks
// sent only after the handler has persisted the delivery.
import { DWClient, type DWClientDownStream } from 'dingtalk-stream';
import WebSocket from 'ws';
import type { Logger } from '../../log.ts';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff.ts';
import { ackFrame, parseFrame } from './frames.ts';
import { openStreamConnection } from './gateway.ts';
import { openStreamSocket } from './stream-socket.ts';

export type StreamState = 'connecting' | 'connected' | 'reconnecting' | 'stopped';
export interface StreamStatus {
  state: StreamState;
  /** Why the last attempt failed or the socket closed; cleared by a successful connection. */
  lastError?: string;
  /** Connections opened so far (1 + reconnects). */
  connections: number;
}
export type EventAckStatus = 'SUCCESS' | 'LATER';

export interface StreamClientOptions {
  clientId: string;
  clientSecret: string;
  gateway: string;
  log: Logger;
  backoff?: BackoffOptions;
  /** WebSocket ping period (default 20 s); a socket that misses one pong is considered dead. */
  heartbeatMs?: number;
}

const USER_AGENT = 'shebao-sentinel (dingtalk-stream 2.1)';
/** A connection that lived this long resets the backoff; shorter ones keep climbing it. */
const STABLE_MS = 30_000;

export class SentinelStreamClient extends DWClient {
  readonly #opts: StreamClientOptions;
  readonly #log: Logger;
  #url: string | undefined;
  #socket: WebSocket | undefined;
  #state: StreamState = 'stopped';
  #lastError: string | undefined;
  #connections = 0;
  #failures = 0;
  #stopped = true;
  #abort = new AbortController();
  #retryTimer: NodeJS.Timeout | undefined;
  #eventHandler: (frame: DWClientDownStream) => Promise<EventAckStatus> = async () => 'SUCCESS';

  constructor(opts: StreamClientOptions) {
    super({ clientId: opts.clientId, clientSecret: opts.clientSecret, ua: USER_AGENT });
    this.#opts = opts;
    this.#log = opts.log;
    // The SDK's defaults share one subscriptions array that every client pushes into: own a copy.
    this.config.subscriptions = [{ type: 'EVENT', topic: '*' }];
  }

  /** The awaited counterpart of registerAllEventListener: its result is the EVENT ack. */
  registerEventHandler(handler: (frame: DWClientDownStream) => Promise<EventAckStatus>): this {
    this.#eventHandler = handler;
    return this;
  }

  status(): StreamStatus {
    return { state: this.#state, ...(this.#lastError ? { lastError: this.#lastError } : {}), connections: this.#connections };
  }

  override async getEndpoint(): Promise<this> {
    const { gateway, clientId, clientSecret } = this.#opts;
    const { ua = USER_AGENT, subscriptions } = this.config;
    this.#url = await openStreamConnection({ gateway, clientId, clientSecret, ua, subscriptions, signal: this.#abort.signal });
    return this;
  }

  /** Starts connecting; resolves after the first attempt, which failing only schedules a retry. */
  override async connect(): Promise<void> {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#abort = new AbortController();
    await this.#attempt();
  }

  async #attempt(): Promise<void> {
    this.#setState(this.#connections === 0 && this.#failures === 0 ? 'connecting' : 'reconnecting');
    try {
      await this.getEndpoint();
      if (this.#stopped) return;
      await this._connect();
    } catch (error) {
      if (this.#stopped) return;
      this.#lastError = (error as Error).message;
      this.#log.warn({ err: this.#lastError }, 'DingTalk Stream connection failed');
      this.#scheduleRetry();
    }
  }

  #scheduleRetry(): void {
    if (this.#stopped) return;
    const delay = Math.round(backoffDelay(this.#failures++, this.#opts.backoff ?? defaultBackoff));
    this.#setState('reconnecting');
    this.#log.info({ delayMs: delay, attempt: this.#failures }, 'DingTalk Stream reconnecting');
    this.#retryTimer = setTimeout(() => void this.#attempt(), delay);
  }

  override async _connect(): Promise<void> {
    if (!this.#url) throw new Error('no Stream endpoint: getEndpoint() must run first');
    const { socket, opened } = openStreamSocket(this.#url, {
      log: this.#log,
      heartbeatMs: this.#opts.heartbeatMs ?? 20_000,
      onText: (text) => this.onDownStream(text),
      onClose: (code, reason, openedAt) => this.#onClosed(socket, code, reason, openedAt),
    });
    this.#socket = socket;
    await opened;
    this.connected = true;
    this.#connections++;
    this.#lastError = undefined;
    this.#setState('connected');
  }

  #onClosed(socket: WebSocket, code: number, reason: string, openedAt: number | undefined): void {
    if (this.#socket === socket) this.#socket = undefined;
    this.connected = false;
    this.registered = false;
    // A socket that never opened has already failed its connect attempt, which retries.
    if (openedAt === undefined || this.#stopped) return;
    if (Date.now() - openedAt >= STABLE_MS) this.#failures = 0;
    this.#lastError = `socket closed (code ${code}${reason ? `, ${reason}` : ''})`;
    this.#log.warn({ code }, 'DingTalk Stream socket closed');
    this.#scheduleRetry();
  }

  override onDownStream(data: string): void {
    const parsed = parseFrame(data);
    if (!parsed.ok) {
      this.#log.warn({ problem: parsed.problem, messageId: parsed.messageId }, 'unreadable Stream frame skipped: the gateway or a proxy sent something that is not a Stream frame');
      if (parsed.messageId) this.send(parsed.messageId, {});
      return;
    }
    const { frame } = parsed;
    if (frame.type === 'SYSTEM') this.onSystem(frame);
    else if (frame.type === 'EVENT') this.onEvent(frame);
    else if (frame.type === 'CALLBACK') this.onCallback(frame);
    else {
      this.#log.warn({ type: frame.type, messageId: frame.headers.messageId }, 'Stream frame of unknown type acked and skipped');
      this.send(frame.headers.messageId, {});
    }
  }

  override onSystem(frame: DWClientDownStream): void {
    // The SDK echoes pings through its private socket, which this class does not use.
    if (frame.headers.topic === 'ping') {
      this.#sendText(JSON.stringify({ code: 200, headers: frame.headers, message: 'OK', data: frame.data }), frame.headers.messageId);
      return;
    }
    if (frame.headers.topic === 'disconnect') this.#log.info('DingTalk Stream gateway announced a disconnect; reconnecting when it closes');
    super.onSystem(frame);
  }

  override onEvent(frame: DWClientDownStream): void {
    void this.#ackEvent(frame);
  }

  async #ackEvent(frame: DWClientDownStream): Promise<void> {
    let status: EventAckStatus = 'LATER';
    try {
      status = await this.#eventHandler(frame);
    } catch (error) {
      this.#log.error({ err: error, messageId: frame.headers.messageId }, 'event not persisted: acked LATER so DingTalk redelivers it; check the database');
    }
    this.send(frame.headers.messageId, { status });
  }

  override onCallback(frame: DWClientDownStream): void {
    if (this.emit(frame.headers.topic, frame)) return;
    this.#log.warn({ topic: frame.headers.topic }, 'CALLBACK for a topic nobody registered: acked empty');
    this.socketCallBackResponse(frame.headers.messageId, {});
  }

  /** Every ack (socketCallBackResponse, EVENT status) goes through here, onto the current socket. */
  override send(messageId: string, value: unknown): void {
    this.#sendText(ackFrame(messageId, value), messageId);
  }

  #sendText(text: string, messageId: string): void {
    const socket = this.#socket;
    if (socket?.readyState !== WebSocket.OPEN) {
      this.#log.warn({ messageId }, 'ack not sent: the Stream socket is closed; DingTalk will redeliver');
      return;
    }
    socket.send(text);
  }

  override disconnect(): void {
    void this.close();
  }

  /** Stops for good: no retry, no heartbeat, the socket closed (terminated after 1 s). */
  async close(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    clearTimeout(this.#retryTimer);
    this.#setState('stopped');
    const socket = this.#socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => socket.terminate(), 1_000);
      socket.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      socket.close(1000, 'client stopping');
    });
  }

  #setState(state: StreamState): void {
    if (state !== this.#state) this.#log.debug({ from: this.#state, to: state }, 'DingTalk Stream state');
    this.#state = state;
  }
}
