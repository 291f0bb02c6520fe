// A message typed to the app's robot (topic /v1.0/im/bot/messages/get) → message.text.
import { z } from 'zod';
import { parseJson, type DownstreamFrame } from './frames.ts';
import { describeIssues, toInboundEvent, type Normalized } from './normalized.ts';

const robotMessageSchema = z.object({
  msgId: z.string().min(1).optional(),
  msgtype: z.string(),
  senderStaffId: z.string().optional(),
  text: z.object({ content: z.string() }).optional(),
});

export function normalizeRobotMessage(frame: DownstreamFrame, receivedAt: Date): Normalized {
  const data = parseJson(frame.data);
  if (!data.ok) return { ok: false, problem: `robot message data is not JSON (${data.problem})` };
  const message = robotMessageSchema.safeParse(data.value);
  if (!message.success) return { ok: false, problem: `robot message is malformed (${describeIssues(message.error)})` };
  const { msgtype, text, senderStaffId, msgId } = message.data;
  if (msgtype !== 'text' || !text) return { ok: false, problem: `robot message of type "${msgtype}" ignored: only text is handled` };
  // senderStaffId is absent for people outside the organisation; they are nobody we can act for.
  if (!senderStaffId) return { ok: false, problem: 'robot message has no senderStaffId: the sender is outside the organisation' };
  return toInboundEvent(
    {
      kind: 'message.text',
      platform: 'dingtalk',
      // msgId is the message's own id, stable when DingTalk redelivers it 16–60 s later.
      deliveryId: msgId ?? frame.headers.messageId,
      operatorUserId: senderStaffId,
      receivedAt,
      text: text.content.trim(),
    },
    'robot message',
  );
}
