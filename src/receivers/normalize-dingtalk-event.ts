// Decrypted DingTalk HTTP event (JSON with EventType) → InboundEvent. HTTP events carry no
// delivery id, so a retry is recognised by the hash of the decrypted plaintext (the same
// event is re-encrypted with a fresh nonce, but its JSON, TimeStamp included, is unchanged).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { inboundEventSchema, type InboundEvent } from '../bot/inbound-event.ts';
import { CallbackRejection } from './callback-rejection.ts';

const payloadSchema = z.looseObject({ EventType: z.string().min(1).max(64) });

/** 'check_url' is DingTalk's URL verification: answered, never routed. */
export function normalizeDingtalkEvent(plaintext: string, receivedAt: Date): InboundEvent | 'check_url' {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw invalid('is not JSON');
  }
  const payload = payloadSchema.safeParse(json);
  if (!payload.success) throw invalid('has no EventType');
  const data = payload.data;
  if (data.EventType === 'check_url') return 'check_url';
  const eventId = typeof data.eventId === 'string' ? data.eventId : undefined;
  const digest = createHash('sha256').update(plaintext).digest('hex').slice(0, 40);
  const parsed = inboundEventSchema.safeParse({
    kind: 'event',
    platform: 'dingtalk',
    deliveryId: eventId ?? `${data.EventType}:${digest}`,
    operatorUserId: operatorOf(data) ?? 'system',
    receivedAt,
    name: data.EventType,
    data,
  });
  if (!parsed.success) throw invalid(`does not fit an InboundEvent (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
  return parsed.data;
}

/** Contact and attendance events name the user in one of these fields (a string or a list). */
function operatorOf(data: Record<string, unknown>): string | undefined {
  for (const key of ['OperatorUserId', 'operatorUserId', 'UserId', 'userId', 'StaffId', 'staffId']) {
    const value = data[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.length > 0 && first.length <= 128) return first;
  }
  return undefined;
}

function invalid(what: string): CallbackRejection {
  return new CallbackRejection(400, '事件内容不完整', `decrypted DingTalk event ${what}: refused`);
}
