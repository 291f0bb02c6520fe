// Every Json column is read through its own zod schema (one parser per column, next to its type).
// A stored value that does not fit names the column and the fields, instead of flowing on as a
// wrongly typed object.
import { z } from 'zod';

/**
 * @example export const parseExitStepChannels = (json: unknown) => parseJsonColumn('ExitStep.channels', schema, json);
 */
export function parseJsonColumn<T>(column: string, schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${column} is malformed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
