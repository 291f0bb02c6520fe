// Runtime check for a CardModel read back from CardInstance.model (JSON in the database), so
// services and the sandbox get a typed value without casting.
import { z } from 'zod';
import type { CardModel } from './card-model.ts';

const style = z.enum(['primary', 'default', 'danger', 'warning']);

export const cardModelSchema: z.ZodType<CardModel> = z.object({
  type: z.string().min(1),
  key: z.string().min(1),
  title: z.string(),
  subtitle: z.string().optional(),
  tone: z.enum(['normal', 'urgent']).optional(),
  rows: z.array(z.object({ label: z.string(), value: z.string(), tone: z.literal('danger').optional() })),
  legalBasis: z.string().optional(),
  buttons: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('action'), actionId: z.string().min(1), text: z.string(), style }),
      z.object({ kind: z.literal('link'), text: z.string(), url: z.string() }),
    ]),
  ),
  url: z.string().optional(),
  decided: z.object({ label: z.string(), byName: z.string(), at: z.string() }).optional(),
});
