// The enrolment itself, whoever records it (card click today; H5 and import later): one
// Enrolment row per insurance type with its status history, the open reminders resolved so no
// further alert goes out, and one audit event. Runs inside the caller's transaction.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import type { InsuranceType } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { ENROLMENT_ALERT_KIND } from '../../domain/enrolment/enrolment-alert.ts';

/** The five insurances of 社会保险法 Arts. 10–53, registered together on 增员. */
export const ALL_INSURANCE_TYPES: readonly InsuranceType[] = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'INJURY', 'MATERNITY'];

export interface RecordEnrolmentInput {
  actor: Actor;
  employeeId: string;
  /** 'YYYY-MM-DD' in BUSINESS_TZ. */
  enrolledOn: string;
  source: 'manual' | 'card' | 'import';
  reason: string;
  now: Date;
}

/** Returns the insurance types newly enrolled (empty when all already were) and the alerts resolved. */
export async function recordEnrolmentInTx(tx: Tx, input: RecordEnrolmentInput): Promise<{ enrolled: InsuranceType[]; alertsResolved: number }> {
  const employee = await tx.employee.findUniqueOrThrow({ where: { id: input.employeeId }, select: { insuredCity: true, contractEntity: true } });
  const enrolledOn = parseDay(input.enrolledOn);
  const changed: { id: string; insuranceType: InsuranceType; from: 'STOPPED' | null }[] = [];
  const created = await tx.enrolment.createManyAndReturn({
    data: ALL_INSURANCE_TYPES.map((insuranceType) => ({
      employeeId: input.employeeId, insuranceType, enrolledOn, source: input.source, city: employee.insuredCity, contractEntity: employee.contractEntity,
    })),
    skipDuplicates: true,
    select: { id: true, insuranceType: true },
  });
  changed.push(...created.map((c) => ({ ...c, from: null })));
  // A rehire's earlier, stopped enrolment is restarted rather than duplicated.
  const stopped = await tx.enrolment.findMany({ where: { employeeId: input.employeeId, status: 'STOPPED' }, select: { id: true, insuranceType: true, version: true } });
  for (const s of stopped) {
    const data = { status: 'ENROLLED' as const, enrolledOn, stoppedOn: null, source: input.source, version: { increment: 1 } };
    if (await compareAndSet(tx.enrolment, { id: s.id, status: 'STOPPED' as const, version: s.version }, data)) changed.push({ id: s.id, insuranceType: s.insuranceType, from: 'STOPPED' });
  }
  await tx.enrolmentChange.createMany({
    data: changed.map((c) => ({ enrolmentId: c.id, fromStatus: c.from, toStatus: 'ENROLLED' as const, reason: input.reason, actorId: input.actor.id, actorName: input.actor.name })),
  });
  const { count: alertsResolved } = await tx.alert.updateMany({
    where: { employeeId: input.employeeId, kind: ENROLMENT_ALERT_KIND, state: 'OPEN' },
    data: { state: 'RESOLVED', resolvedAt: input.now },
  });
  const enrolled = changed.map((c) => c.insuranceType);
  // The employee's own enrolment date is what the list, the pages and the roster export show;
  // it follows the Enrolment rows (also on a date change: change-enrolment-date.ts).
  if (enrolled.length > 0) await tx.employee.update({ where: { id: input.employeeId }, data: { enrolledOn } });
  if (enrolled.length > 0) {
    await writeAuditEvent(tx, input.actor, {
      type: 'enrolment.recorded', data: { enrolledOn: input.enrolledOn, insuranceTypes: enrolled, source: input.source, alertsResolved },
    }, { type: 'employee', id: input.employeeId });
  }
  return { enrolled, alertsResolved };
}
