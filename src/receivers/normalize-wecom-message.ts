// Decrypted WeCom message → InboundEvent. Card clicks become card.action, text messages
// message.text, everything else event.<Event|MsgType>. Delivery ids follow WeCom's advice:
// MsgId for messages, FromUserName + CreateTime for events (which carry no MsgId), plus what
// tells apart two events of one sender in one second: a manager who clicks two cards within a
// second, or an admin whose bulk edit fires several 通讯录 changes, must not have the second
// dropped as a retry of the first. A retry repeats every one of these fields.
import { inboundEventSchema, type InboundEvent } from '../bot/inbound-event.ts';
import { xmlText, type XmlFields } from './wecom/parse-callback-xml.ts';
import { CallbackRejection } from './callback-rejection.ts';

/** The fields that name what an event is about: the card and button clicked, the contact or department changed, the batch job. */
const EVENT_IDENTITY = ['TaskId', 'EventKey', 'ChangeType', 'UserID', 'Id', 'JobId'] as const;

export function normalizeWecomMessage(fields: XmlFields, receivedAt: Date): InboundEvent {
  const text = (name: string) => xmlText(fields, name);
  const msgType = text('MsgType');
  const from = text('FromUserName');
  if (!msgType || !from) throw invalid('has no MsgType or FromUserName');
  const base = { platform: 'wecom' as const, operatorUserId: from, receivedAt };
  const msgId = text('MsgId');
  const createTime = text('CreateTime');

  let candidate: unknown;
  if (msgType === 'event') {
    const name = text('Event');
    if (!name || !createTime) throw invalid('is an event without Event or CreateTime');
    const deliveryId = [from, createTime, name, ...EVENT_IDENTITY.flatMap((field) => text(field) ?? [])].join(':');
    candidate =
      name === 'template_card_event'
        ? { ...base, kind: 'card.action', deliveryId, cardKey: text('TaskId'), actionId: text('EventKey'), responseCode: text('ResponseCode') }
        : { ...base, kind: 'event', deliveryId, name, data: fields };
  } else {
    if (!msgId) throw invalid(`is a ${msgType} message without MsgId`);
    candidate =
      msgType === 'text'
        ? { ...base, kind: 'message.text', deliveryId: msgId, text: text('Content') ?? '' }
        : { ...base, kind: 'event', deliveryId: msgId, name: msgType, data: fields };
  }
  const parsed = inboundEventSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw invalid(`does not fit an InboundEvent (${issues})`);
  }
  return parsed.data;
}

function invalid(what: string): CallbackRejection {
  return new CallbackRejection(400, '消息内容不完整', `decrypted message ${what}: refused (not a WeCom callback format this receiver knows)`);
}
