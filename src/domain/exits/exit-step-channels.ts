// ExitStep.channels: how a notice went out. Chat records are written when the notice is issued
// (queue-exit-notice-messages.ts) and filled in by the outbox (delivery, read state); SMS / EMS /
// other records are entered by HR (record-exit-channel.ts). Read back as evidence of service
// (劳动合同法 第三十九条第（二）项), so a stored value that does not fit is an error, never a guess.
// Loose objects: a key a later version adds survives an update by this one.
import { z } from 'zod';
import { parseJsonColumn } from '../parse-json-column.ts';

const chatChannelSchema = z.looseObject({
  channel: z.literal('chat'),
  /** Which of the two messages: the text (with the link) or the PDF file. */
  message: z.enum(['text', 'file']),
  platform: z.enum(['wecom', 'dingtalk', 'sandbox']),
  userId: z.string(),
  dedupeKey: z.string(),
  at: z.string(),
  deliveredAt: z.string().optional(),
  mediaId: z.string().optional(),
  /** DingTalk robot read-status keys (processQueryKey), kept when the outbox delivered the message. */
  readQueryKeys: z.array(z.string()).optional(),
  readAt: z.string().optional(),
  readSource: z.string().optional(),
});

const recordedChannelSchema = z.looseObject({
  channel: z.enum(['sms', 'ems', 'other']),
  reference: z.string(),
  sentOn: z.string(),
  deliveredOn: z.string().optional(),
  recordedById: z.string().optional(),
  recordedByName: z.string().optional(),
  at: z.string().optional(),
});

const exitStepChannelsSchema = z.array(z.discriminatedUnion('channel', [chatChannelSchema, recordedChannelSchema]));

export type ChatChannelRecord = z.infer<typeof chatChannelSchema>;
export type RecordedChannelRecord = z.infer<typeof recordedChannelSchema>;
export type ExitChannelRecord = z.infer<typeof exitStepChannelsSchema>[number];

/**
 * @example const records = parseExitStepChannels(step.channels); // throws on a malformed column
 */
export const parseExitStepChannels = (json: unknown): ExitChannelRecord[] => parseJsonColumn('ExitStep.channels', exitStepChannelsSchema, json);
