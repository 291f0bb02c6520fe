// Writing a typed value into a Json column. Prisma's InputJsonValue has no undefined, and our
// interfaces use optional fields; a JSON round trip drops them exactly as PostgreSQL would.
import type { Prisma } from '../generated/prisma/client.ts';

/** @example await tx.exitStep.update({ where: { id }, data: { channels: toJsonColumn(records) } }); */
export function toJsonColumn(value: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value));
}
