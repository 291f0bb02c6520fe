// The JSON columns of CardInstance, checked on the way out and plain on the way in. Cards are
// read back long after they were written (a click days later), so never trust their shape.
import { z } from 'zod';
import { cardModelSchema } from '../../../cards/card-model-schema.ts';
import type { CardModel } from '../../../cards/card-model.ts';
import { parseJsonColumn } from '../../domain/parse-json-column.ts';

export { toJsonColumn } from '../../db/json-column.ts';

export interface CardRecipient {
  /** Platform user id (WeCom userid / DingTalk userId / sandbox id). */
  userId: string;
  employeeId: string;
}

const recipientsSchema = z.array(z.object({ userId: z.string(), employeeId: z.string() }));

export const parseRecipients = (json: unknown): CardRecipient[] => parseJsonColumn('CardInstance.recipients', recipientsSchema, json);

export const parseCardModel = (json: unknown): CardModel => parseJsonColumn('CardInstance.model', cardModelSchema, json);
