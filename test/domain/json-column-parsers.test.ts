// One zod parser per JSON column: a stored value that fits comes back typed, one that does not
// fails with the column's name instead of flowing on as a wrongly typed object.
import { describe, expect, it } from 'vitest';
import { parseExitStepChannels } from '../../src/domain/exits/exit-step-channels.ts';
import { parseDeliveryResult, parseOutboundPayload, parseOutboxRecipients } from '../../src/outbox/outbox-message-json.ts';
import { parseCardModel, parseRecipients } from '../../src/services/cards/card-instance-json.ts';

const chat = { channel: 'chat', message: 'file', platform: 'dingtalk', userId: 'u1', dedupeKey: 'exit-notice:p:return_notice_1:file:dingtalk', at: '2026-11-02T01:00:00.000Z', readQueryKeys: ['k1'] };
const ems = { channel: 'ems', reference: 'EMS1180123456789', sentOn: '2026-11-02', deliveredOn: '2026-11-04', recordedByName: '王 HR' };
const card = { type: 't', key: 'k', title: '标题', rows: [], buttons: [{ kind: 'action', actionId: 'a', text: '同意', style: 'primary' }] };

describe('ExitStep.channels', () => {
  it('reads chat and recorded channels, keeping keys a later version added', () => {
    expect(parseExitStepChannels([chat, { ...ems, extra: 1 }])).toEqual([chat, { ...ems, extra: 1 }]);
  });

  it('refuses a record without its channel fields, naming the column', () => {
    expect(() => parseExitStepChannels([{ channel: 'ems', sentOn: '2026-11-02' }])).toThrow(/ExitStep\.channels is malformed/);
    expect(() => parseExitStepChannels([{ ...chat, platform: 'feishu' }])).toThrow(/ExitStep\.channels/);
    expect(() => parseExitStepChannels({ channel: 'chat' })).toThrow(/ExitStep\.channels/);
  });
});

describe('OutboxMessage columns', () => {
  it('reads each payload kind and the recipients', () => {
    expect(parseOutboundPayload({ kind: 'text', text: '你好' })).toEqual({ kind: 'text', text: '你好' });
    expect(parseOutboundPayload({ kind: 'card_update', card })).toEqual({ kind: 'card_update', card });
    expect(parseOutboundPayload({ kind: 'file', sha256: 'a'.repeat(64), fileName: 'x.pdf', mediaType: 'application/pdf' }).kind).toBe('file');
    expect(parseOutboxRecipients(['u1', 'u2'])).toEqual(['u1', 'u2']);
  });

  it('refuses an unknown kind, a card without buttons and recipients that are not ids', () => {
    expect(() => parseOutboundPayload({ kind: 'fax', text: 'x' })).toThrow(/OutboxMessage\.payload is malformed/);
    expect(() => parseOutboundPayload({ kind: 'card', card: { ...card, buttons: undefined } })).toThrow(/OutboxMessage\.payload/);
    expect(() => parseOutboxRecipients('u1')).toThrow(/OutboxMessage\.recipients is malformed/);
    expect(() => parseOutboxRecipients([1])).toThrow(/OutboxMessage\.recipients/);
  });

  it('reads the delivery result, null before the first send, and refuses a malformed one', () => {
    expect(parseDeliveryResult(null)).toBeNull();
    expect(parseDeliveryResult({ recipients: 1, mediaId: 'm', uploadedAt: '2026-11-02T00:00:00Z' })).toMatchObject({ mediaId: 'm' });
    expect(() => parseDeliveryResult({ readQueryKeys: 'k1' })).toThrow(/OutboxMessage\.result is malformed/);
  });
});

describe('CardInstance columns', () => {
  it('reads the recipients and the card model', () => {
    expect(parseRecipients([{ userId: 'u1', employeeId: 'e1' }])).toEqual([{ userId: 'u1', employeeId: 'e1' }]);
    expect(parseCardModel(card)).toEqual(card);
  });

  it('refuses a recipient without its employee and a card without a key', () => {
    expect(() => parseRecipients([{ userId: 'u1' }])).toThrow(/CardInstance\.recipients is malformed/);
    expect(() => parseCardModel({ ...card, key: '' })).toThrow(/CardInstance\.model is malformed/);
  });
});
