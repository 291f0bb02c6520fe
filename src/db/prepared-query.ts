// A hot read or write that runs as a named prepared statement on the pool under Prisma: parsed and
// planned once per connection, rows returned as pg gives them, no query interpreter. A transaction,
// or a client not made by createDb (no pool to reach), runs the same SQL through Prisma.
import { poolOf, type Db, type Tx } from './client.ts';

/** @example await preparedQuery<{ n: number }>(db, 'count-open', 'SELECT count(*)::int AS n FROM "Alert" WHERE kind = $1', ['x']) */
export async function preparedQuery<Row>(db: Db | Tx, name: string, text: string, values: readonly unknown[]): Promise<Row[]> {
  const pool = poolOf(db as Db);
  if (!pool) return db.$queryRawUnsafe<Row[]>(text, ...values);
  return (await pool.query({ name, text, values: [...values] })).rows as Row[];
}
