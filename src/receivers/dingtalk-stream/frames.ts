// The Stream protocol's frames, checked at the boundary. The SDK trusts every frame
// (`JSON.parse` without a guard in its message handler), so one bad frame would crash the
// process; here a frame either parses into this shape or is logged and skipped.
import { z } from 'zod';

const headersSchema = z
  .object({
    topic: z.string().default(''),
    messageId: z.string().min(1),
    // Defaults keep the parsed frame assignable to the SDK's DWClientDownStream.
    appId: z.string().default(''),
    connectionId: z.string().default(''),
    contentType: z.string().default('application/json'),
    time: z.string().default(''),
    eventType: z.string().optional(),
    eventId: z.string().optional(),
    eventCorpId: z.string().optional(),
    eventBornTime: z.string().optional(),
  })
  .loose();

export const downstreamFrameSchema = z.object({
  specVersion: z.string().default('1.0'),
  type: z.string(),
  headers: headersSchema,
  data: z.string().default(''),
});

export type DownstreamFrame = z.output<typeof downstreamFrameSchema>;

export type FrameParse = { ok: true; frame: DownstreamFrame } | { ok: false; problem: string; messageId?: string };

/** Parses one WebSocket text message; a failure names what is wrong and, when readable, the messageId to ack. */
export function parseFrame(text: string): FrameParse {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problem: `frame is not JSON (${json.problem})` };
  const result = downstreamFrameSchema.safeParse(json.value);
  if (result.success) return { ok: true, frame: result.data };
  const messageId = z.object({ headers: z.object({ messageId: z.string().min(1) }) }).safeParse(json.value);
  const problem = result.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ');
  return { ok: false, problem, messageId: messageId.success ? messageId.data.headers.messageId : undefined };
}

/** The one ack shape the gateway accepts: the same messageId, a JSON string as data. */
export function ackFrame(messageId: string, payload: unknown): string {
  return JSON.stringify({
    code: 200,
    headers: { contentType: 'application/json', messageId },
    message: 'OK',
    data: JSON.stringify(payload),
  });
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}
