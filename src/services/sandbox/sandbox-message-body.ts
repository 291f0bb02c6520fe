// Reads a SandboxMessage body back from JSON: {text} for text rows, {card: CardModel} for cards,
// {file: {sha256, fileName, mediaType}} for file messages (the bytes stay in the file store).
import { z } from 'zod';
import { cardModelSchema } from '../../../cards/card-model-schema.ts';

export const sandboxFileSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string(), mediaType: z.string() });

export const sandboxMessageBodySchema = z.object({ text: z.string().optional(), card: cardModelSchema.optional(), file: sandboxFileSchema.optional() });

export type SandboxMessageBody = z.infer<typeof sandboxMessageBodySchema>;

/** A row the schema rejects (an older card shape, say) shows as an empty body rather than breaking the whole chat. */
export function parseSandboxMessageBody(body: unknown): SandboxMessageBody {
  const parsed = sandboxMessageBodySchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}
