// The card rows frozen on Approval.summary: checked on the way out, since JSON columns are read
// back long after they were written.
import { z } from 'zod';
import type { CardRow } from '../../../cards/card-model.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export const cardRowsSchema = z.array(z.object({ label: z.string().min(1).max(20), value: z.string().max(500), tone: z.literal('danger').optional() }));

export function parseSummary(json: Prisma.JsonValue): CardRow[] {
  return cardRowsSchema.parse(json);
}
