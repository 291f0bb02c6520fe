// The JSON columns of OutboxMessage. A message is read back by the delivery worker, possibly after
// a deploy changed the code that wrote it, so its payload is checked before anything is sent.
import { z } from 'zod';
import { cardModelSchema } from '../../cards/card-model-schema.ts';
import { parseJsonColumn } from '../domain/parse-json-column.ts';
import type { OutboundPayload } from './outbox.ts';

const outboundPayloadSchema: z.ZodType<OutboundPayload> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('card'), card: cardModelSchema }),
  z.object({ kind: z.literal('card_update'), card: cardModelSchema }),
  z.object({ kind: z.literal('file'), sha256: z.string(), fileName: z.string(), mediaType: z.string() }),
  z.object({ kind: z.literal('group'), chatId: z.string().min(1), card: cardModelSchema }),
]);

/** What the platform answered (counts, the uploaded media, DingTalk's read-query keys); null before the first send. */
const deliveryResultSchema = z.looseObject({
  mediaId: z.string().optional(),
  uploadedAt: z.string().optional(),
  readQueryKeys: z.array(z.string()).optional(),
  /**
   * The send journal (send-journal.ts): batch → when it was begun, sent, its key and whom the
   * answer refused. Round 0's batches are keyed "0", "1", …; a retry round r's "r.0", "r.1", ….
   */
  batches: z.record(z.string(), z.object({
    startedAt: z.string().optional(),
    sentAt: z.string().optional(),
    key: z.string().optional(),
    invalid: z.array(z.string()).optional(),
    flowControlled: z.array(z.string()).optional(),
  })).optional(),
  /** The retry round in progress (partial-delivery.ts): only `retryRecipients`, not before `notBefore`. */
  round: z.number().int().optional(),
  retryRecipients: z.array(z.string()).optional(),
  notBefore: z.string().optional(),
}).nullable();

export type DeliveryResult = z.infer<typeof deliveryResultSchema>;

/** @example const payload = parseOutboundPayload(msg.payload); */
export const parseOutboundPayload = (json: unknown): OutboundPayload => parseJsonColumn('OutboxMessage.payload', outboundPayloadSchema, json);

/** Platform user ids. */
export const parseOutboxRecipients = (json: unknown): string[] => parseJsonColumn('OutboxMessage.recipients', z.array(z.string()), json);

export const parseDeliveryResult = (json: unknown): DeliveryResult => parseJsonColumn('OutboxMessage.result', deliveryResultSchema, json);
