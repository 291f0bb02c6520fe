import { inboundEventSchema, type InboundEvent } from '../../bot/inbound-event.ts';

/** What a frame's data becomes: an event for the router, or a reason to ack and drop it. */
export type Normalized = { ok: true; event: InboundEvent } | { ok: false; problem: string };

/** Final check against the router's contract (lengths, required ids); returns the parsed value. */
export function toInboundEvent(candidate: unknown, what: string): Normalized {
  const result = inboundEventSchema.safeParse(candidate);
  if (result.success) return { ok: true, event: result.data };
  return { ok: false, problem: `${what} does not fit InboundEvent (${describeIssues(result.error)})` };
}

export function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || 'data'}: ${i.message}`).join('; ');
}
