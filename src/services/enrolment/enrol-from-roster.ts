// The roster's 社保增员日期 means "already enrolled on that date": give those employees their
// Enrolment rows (source 'import') so history, KPIs and reconciliation see one truth. Set-based:
// one INSERT for all five insurances of every such employee, existing rows left alone.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';

/** Returns the ids of the employees who got new enrolment rows. */
export async function enrolFromRoster(tx: Tx, actor: Actor, employeeNos: string[]): Promise<string[]> {
  if (employeeNos.length === 0) return [];
  const inserted = await tx.$queryRaw<{ id: string; employeeId: string }[]>`
    INSERT INTO "Enrolment" (id, "employeeId", "insuranceType", city, "contractEntity", "enrolledOn", status, source, "updatedAt")
    SELECT gen_random_uuid(), e.id, t.type::"InsuranceType", e."insuredCity", e."contractEntity", e."enrolledOn", 'ENROLLED', 'import', now()
      FROM "Employee" e
     CROSS JOIN unnest(ARRAY['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'INJURY', 'MATERNITY']) AS t(type)
     WHERE e."employeeNo" = ANY(${employeeNos}) AND e."enrolledOn" IS NOT NULL
    ON CONFLICT ("employeeId", "insuranceType") DO NOTHING
    RETURNING id::text AS id, "employeeId"::text AS "employeeId"`;
  if (inserted.length === 0) return [];
  await tx.enrolmentChange.createMany({
    data: inserted.map((r) => ({ enrolmentId: r.id, toStatus: 'ENROLLED' as const, reason: '导入（名册社保增员日期）', actorId: actor.id, actorName: actor.name })),
  });
  return [...new Set(inserted.map((r) => r.employeeId))];
}
