// The JSON columns of CardInstance, checked on the way out and plain on the way in. Cards are
// read back long after they were written (a click days later), so never trust their shape.
import { z } from 'zod';
import { cardModelSchema } from '../../../cards/card-model-schema.ts';
import type { CardModel } from '../../../cards/card-model.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export interface CardRecipient {
  /** Platform user id (WeCom userid / DingTalk userId / sandbox id). */
  userId: string;
  employeeId: string;
}

const recipientsSchema = z.array(z.object({ userId: z.string(), employeeId: z.string() }));

export function parseRecipients(json: Prisma.JsonValue): CardRecipient[] {
  return recipientsSchema.parse(json);
}

export function parseCardModel(json: Prisma.JsonValue): CardModel {
  return cardModelSchema.parse(json);
}

/** A CardModel or recipient list as a JSON column value (drops undefined fields, as JSON does). */
export function toJsonColumn(value: CardModel | CardRecipient[]): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value));
}
