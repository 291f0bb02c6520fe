// Opening a Stream connection: POST the gateway with the app credentials, get back a
// WebSocket endpoint and a single-use ticket (valid 90 s). Errors say what to fix, never the secret.
import { z } from 'zod';

export interface Subscription {
  type: string;
  topic: string;
}

export interface OpenConnectionOptions {
  gateway: string;
  clientId: string;
  clientSecret: string;
  ua: string;
  subscriptions: Subscription[];
  timeoutMs?: number;
  /** Aborted when the receiver stops, so no request outlives it. */
  signal?: AbortSignal;
}

const openResponseSchema = z.object({ endpoint: z.url(), ticket: z.string().min(1) });

export class StreamGatewayError extends Error {
  override name = 'StreamGatewayError';
}

/** Returns the WebSocket URL (endpoint with the ticket) for one connection. */
export async function openStreamConnection(opts: OpenConnectionOptions): Promise<string> {
  const { gateway, clientId, clientSecret, ua, subscriptions } = opts;
  let response: Response;
  try {
    response = await fetch(gateway, {
      method: 'POST',
      // Without Accept: application/json the real gateway answers XML.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ clientId, clientSecret, ua, subscriptions }),
      signal: AbortSignal.any([AbortSignal.timeout(opts.timeoutMs ?? 10_000), ...(opts.signal ? [opts.signal] : [])]),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new StreamGatewayError(`cannot reach the Stream gateway ${gateway} (${cause}): check DINGTALK_STREAM_GATEWAY and outbound HTTPS`);
  }
  const text = await response.text();
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    throw new StreamGatewayError(
      `the Stream gateway refused the app credentials (HTTP ${response.status} ${brief(text)}): ` +
        'check DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET (developer console → 凭证与基础信息)',
    );
  }
  if (!response.ok) {
    throw new StreamGatewayError(`the Stream gateway ${gateway} answered HTTP ${response.status} ${brief(text)}: it will be retried`);
  }
  const parsed = openResponseSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new StreamGatewayError(`the Stream gateway answered without {endpoint, ticket} (${brief(text)}): check DINGTALK_STREAM_GATEWAY`);
  }
  const url = new URL(parsed.data.endpoint);
  url.searchParams.set('ticket', parsed.data.ticket);
  return url.toString();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function brief(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 200);
}
