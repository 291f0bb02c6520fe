// Row counts of every table of the app's schema, to assert that a refused request changed nothing.
// Left out: the audit log (a refusal may be audited), sessions and the rate-limit buckets
// (bookkeeping of the caller, not of the data they asked about).
import type { PrismaClient } from '../../src/generated/prisma/client.ts';

const BOOKKEEPING = new Set(['AuditEvent', 'Session', 'RateLimitBucket', '_prisma_migrations']);

export async function tableCounts(db: PrismaClient): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  // One round trip: the fuzz suites take a snapshot around every request.
  const columns = tables.filter((x) => !BOOKKEEPING.has(x.name)).map(({ name }) => `(SELECT count(*) FROM "${name}")::int AS "${name}"`);
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${columns.join(', ')}`);
  return { ...row };
}
