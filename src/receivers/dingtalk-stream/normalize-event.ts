// An EVENT frame (attendance_check_record, user_add_org, …) → event.<eventType>.
import { z } from 'zod';
import { parseJson, type DownstreamFrame } from './frames.ts';
import { toInboundEvent, type Normalized } from './normalized.ts';

/** Events without a person behind them are attributed to 'system', as in HTTP event mode. */
export const SYSTEM_OPERATOR = 'system';

// The same fields the HTTP event receiver reads, so an event routes alike in either mode.
const operatorFields = ['OperatorUserId', 'operatorUserId', 'UserId', 'userId', 'StaffId', 'staffId'];

export function normalizeEvent(frame: DownstreamFrame, receivedAt: Date): Normalized {
  const name = frame.headers.eventType;
  if (!name) return { ok: false, problem: 'EVENT frame has no headers.eventType' };
  const json = parseJson(frame.data);
  const data = json.ok ? z.record(z.string(), z.unknown()).safeParse(json.value) : undefined;
  if (!data?.success) return { ok: false, problem: `event ${name} data is not a JSON object` };
  const operator = operatorFields
    .map((f) => data.data[f])
    .map((v) => (Array.isArray(v) ? v[0] : v))
    .find((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 128);
  return toInboundEvent(
    {
      kind: 'event',
      platform: 'dingtalk',
      // eventId names the business event; it stays the same when DingTalk pushes it again.
      deliveryId: frame.headers.eventId ?? frame.headers.messageId,
      operatorUserId: operator ?? SYSTEM_OPERATOR,
      receivedAt,
      name,
      data: data.data,
    },
    `event ${name}`,
  );
}
