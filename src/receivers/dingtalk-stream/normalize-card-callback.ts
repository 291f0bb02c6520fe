// Card button click (topic /v1.0/card/instances/callback) → card.action. Only ids are taken
// from the payload; the listener reloads everything else.
import { z } from 'zod';
import { parseJson, type DownstreamFrame } from './frames.ts';
import { describeIssues, toInboundEvent, type Normalized } from './normalized.ts';

const callbackSchema = z.object({
  type: z.string().optional(),
  outTrackId: z.string().min(1),
  userId: z.string().min(1),
  content: z.string().min(1),
});

const contentSchema = z.object({
  cardPrivateData: z.object({
    actionIds: z.array(z.string()).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});

export function normalizeCardCallback(frame: DownstreamFrame, receivedAt: Date): Normalized {
  const data = parseJson(frame.data);
  if (!data.ok) return { ok: false, problem: `card callback data is not JSON (${data.problem})` };
  const callback = callbackSchema.safeParse(data.value);
  if (!callback.success) return { ok: false, problem: `card callback lacks ids (${describeIssues(callback.error)})` };
  if (callback.data.type !== undefined && callback.data.type !== 'actionCallback') {
    return { ok: false, problem: `card callback type "${callback.data.type}" is not actionCallback` };
  }
  const content = parseJson(callback.data.content);
  const parsed = content.ok ? contentSchema.safeParse(content.value) : undefined;
  if (!parsed?.success) {
    return { ok: false, problem: 'card callback content has no cardPrivateData: check the card template in the DingTalk card platform' };
  }
  const { actionIds, params } = parsed.data.cardPrivateData;
  const actionId = actionIds?.[0] ?? (typeof params?.actionId === 'string' ? params.actionId : undefined);
  if (!actionId) {
    return { ok: false, problem: 'card callback names no action: give the template button an actionId (the constant in cards/)' };
  }
  return toInboundEvent(
    {
      kind: 'card.action',
      platform: 'dingtalk',
      deliveryId: frame.headers.messageId,
      operatorUserId: callback.data.userId,
      receivedAt,
      cardKey: callback.data.outTrackId,
      actionId,
    },
    'card callback',
  );
}
