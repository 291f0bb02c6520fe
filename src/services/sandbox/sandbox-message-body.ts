// Reads a SandboxMessage body back from JSON: {text} for text rows, {card: CardModel} for cards.
import { z } from 'zod';
import { cardModelSchema } from '../../../cards/card-model-schema.ts';

export const sandboxMessageBodySchema = z.object({ text: z.string().optional(), card: cardModelSchema.optional() });

export type SandboxMessageBody = z.infer<typeof sandboxMessageBodySchema>;

/** A row the schema rejects (an older card shape, say) shows as an empty body rather than breaking the whole chat. */
export function parseSandboxMessageBody(body: unknown): SandboxMessageBody {
  const parsed = sandboxMessageBodySchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}
