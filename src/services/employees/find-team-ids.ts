import type { Db, Tx } from '../../db/client.ts';

/** Everyone reporting to `managerId`, directly or through other managers (one recursive query). */
export async function findTeamIds(db: Db | Tx, managerId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE team AS (
      SELECT id FROM "Employee" WHERE "managerId" = ${managerId}::uuid
      UNION
      SELECT e.id FROM "Employee" e JOIN team t ON e."managerId" = t.id
    )
    SELECT id::text AS id FROM team`;
  return rows.map((r) => r.id);
}
