// The roster turned into createMany inputs, ids generated here so every relation can be wired
// before anything is written: the whole company goes in with one statement per table.
import { randomUUID } from 'node:crypto';
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import { actorSnapshot, type Actor } from '../../domain/actor.ts';
import { auditEventSchema, type AuditEventInput } from '../../domain/audit-events.ts';
import { parseDay } from '../../domain/dates.ts';
import { identityFacts } from '../../domain/identity-document.ts';
import type { Prisma, RetirementCategory } from '../../generated/prisma/client.ts';
import { sealPersonalData } from '../employees/seal-personal-data.ts';
import type { DemoPerson, DemoRoster } from './demo-roster.ts';

export interface DemoRowsContext {
  cipher: PersonalDataCipher;
  actor: Actor;
  now: Date;
  departmentIds: Map<string, string>;
}

export function buildDemoRows(roster: DemoRoster, ctx: DemoRowsContext) {
  const ids = new Map(roster.people.map((p) => [p.employeeNo, randomUUID()]));
  const idOf = (employeeNo: string) => lookup(ids, employeeNo);
  // Managers before their reports, so no row points at one not yet inserted.
  const people = [...roster.people].sort((a, b) => depth(roster, a) - depth(roster, b));
  const employees = people.map((p): Prisma.EmployeeCreateManyInput => ({
    id: idOf(p.employeeNo),
    employeeNo: p.employeeNo,
    name: p.name,
    ...sealPersonalData(ctx.cipher, { mobile: p.mobile, idNumber: p.idNumber }),
    ...demoIdentity(p),
    startDate: parseDay(p.startDate),
    exitDate: p.exitDate ? parseDay(p.exitDate) : null,
    enrolledOn: p.enrolledOn ? parseDay(p.enrolledOn) : null,
    position: p.position,
    departmentId: lookup(ctx.departmentIds, p.department),
    managerId: p.managerNo ? idOf(p.managerNo) : null,
    insuredCity: p.insuredCity,
    contractEntity: p.contractEntity,
    monthlyWageFen: p.monthlyWageFen,
    status: p.status,
  }));
  const statusChanges = people.flatMap((p) => p.history.map((s): Prisma.StatusChangeCreateManyInput => ({
    employeeId: idOf(p.employeeNo), fromStatus: s.from, toStatus: s.to, reason: s.reason,
    actorId: ctx.actor.id, actorName: ctx.actor.name, at: stepInstant(s.on, ctx.now),
  })));
  const roles = people.flatMap((p) => p.roles.map((role) => ({ employeeId: idOf(p.employeeNo), role })));
  const identities = people.flatMap((p) => (p.sandboxUserId ? [{ platform: 'sandbox' as const, userId: p.sandboxUserId, employeeId: idOf(p.employeeNo) }] : []));
  const audits = people.map((p) => auditRow(ctx.actor, { type: 'employee.created', data: { employeeNo: p.employeeNo, name: p.name, source: 'seed' } }, idOf(p.employeeNo)));
  return { employees, statusChanges, roles, identities, audits };
}

/** Birth date and sex from the ID number; women get a 退休类别 (older ones cadres, so none is past the age). */
function demoIdentity(p: DemoPerson) {
  const facts = identityFacts(p.idNumber, 'resident_id');
  const birthDate = facts.birthDate as string;
  const womanCategory: RetirementCategory = birthDate < '1980-01-01' || p.employeeNo.endsWith('2') ? 'female_cadre' : 'female_worker';
  return { birthDate: parseDay(birthDate), sex: facts.sex, retirementCategory: facts.sex === 'female' ? womanCategory : null };
}

/** The same row writeAuditEvent writes, validated the same way, but batched. */
function auditRow(actor: Actor, event: AuditEventInput, employeeId: string): Prisma.AuditEventCreateManyInput {
  const parsed = auditEventSchema.parse(event);
  return {
    type: parsed.type, data: parsed.data,
    actor: actorSnapshot(actor),
    subjectType: 'employee', subjectId: employeeId, ip: actor.ip, userAgent: actor.userAgent,
  };
}

/** History is dated 09:00 Beijing time on its day (the demo company is in China), never after the seeding. */
function stepInstant(day: string, now: Date): Date {
  const at = new Date(`${day}T09:00:00+08:00`);
  return at < now ? at : now;
}

function depth(roster: DemoRoster, person: DemoPerson): number {
  const manager = person.managerNo && roster.people.find((p) => p.employeeNo === person.managerNo);
  return manager ? 1 + depth(roster, manager) : 0;
}

function lookup(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo roster refers to unknown ${key}`);
  return value;
}
