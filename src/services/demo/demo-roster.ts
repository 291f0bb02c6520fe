// The demo company as plain data: a pure function of today's date, so a test can rebuild the
// same roster and a demo script can find its scenario people by `scenario`.
import type { EmployeeStatus, Role } from '../../generated/prisma/enums.ts';
import { CONTRACT_ENTITIES, DEMO_DEPARTMENTS, type DemoDepartment, type DemoScenario, type DemoSlot } from './demo-departments.ts';
import { demoBirthDay, demoIdNumber, demoMobile, demoName } from './demo-identity.ts';
import { demoTimeline, type DemoStatusStep } from './demo-timeline.ts';

export interface DemoPerson {
  employeeNo: string;
  name: string;
  department: string;
  position: string;
  /** employeeNo of the line manager; absent for the general manager only. */
  managerNo?: string;
  mobile: string;
  idNumber: string;
  startDate: string;
  enrolledOn?: string;
  exitDate?: string;
  status: EmployeeStatus;
  insuredCity: string;
  contractEntity: string;
  monthlyWageFen: number;
  roles: Role[];
  /** How the dev login signs in as this person; none for people who have left. */
  sandboxUserId?: string;
  history: DemoStatusStep[];
  scenario?: DemoScenario;
}

export interface DemoRoster {
  departments: string[];
  people: DemoPerson[];
}

/** Old enough to draw a pension under any current retirement age (born about 1962 in 2026). */
const RETIREE_AGE = 64;

type Draft = Omit<DemoPerson, 'employeeNo' | 'managerNo' | 'sandboxUserId'> & { index: number; managerIndex?: number };

/**
 * ~64 people in 6 departments. Heads report to the general manager (head of the first
 * department), staff to their head, so MANAGER is derived as it is for real rosters.
 * @example buildDemoRoster('2026-11-22').people.find((p) => p.scenario === 'enrolment-day-23')
 */
export function buildDemoRoster(today: string): DemoRoster {
  const drafts: Draft[] = [];
  for (const dept of DEMO_DEPARTMENTS) {
    const headIndex = drafts.length;
    [dept.head, ...dept.staff].forEach((slot, k) => {
      const managerIndex = k > 0 ? headIndex : headIndex > 0 ? 0 : undefined;
      drafts.push(draftPerson(today, dept, slot, drafts.length, k, managerIndex));
    });
  }
  // Employee numbers follow hiring order, as in a real company: the newest hires come last.
  const hired = [...drafts].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.index - b.index);
  const numbers = new Map(hired.map((d, n) => [d.index, `E${String(n + 1).padStart(4, '0')}`]));
  const people = hired.map(({ index, managerIndex, ...rest }): DemoPerson => {
    const employeeNo = numbers.get(index) as string;
    return {
      employeeNo,
      ...(managerIndex !== undefined && { managerNo: numbers.get(managerIndex) }),
      ...rest,
      ...(rest.status !== 'EXITED' && { sandboxUserId: `demo-${employeeNo}` }),
    };
  });
  return { departments: DEMO_DEPARTMENTS.map((d) => d.name), people };
}

/** Staff are 22–58; heads, who have been here for years, 38–52. */
function ageOf(slot: DemoSlot, i: number): number {
  if (slot.scenario === 'retiree-rehire') return RETIREE_AGE;
  return slot.tenureYears ? 38 + ((i * 5) % 15) : 22 + ((i * 13) % 37);
}

function draftPerson(today: string, dept: DemoDepartment, slot: DemoSlot, i: number, k: number, managerIndex: number | undefined): Draft {
  const { name, male } = demoName(i);
  const age = ageOf(slot, i);
  const city = dept.cities[k % dept.cities.length] as string;
  return {
    index: i,
    managerIndex,
    name,
    department: dept.name,
    position: slot.position,
    mobile: demoMobile(i),
    idNumber: demoIdNumber(i, demoBirthDay(today, age, i), male),
    insuredCity: city,
    contractEntity: CONTRACT_ENTITIES[city] as string,
    // Same-title colleagues earn a little differently; whole yuan, stored in fen.
    monthlyWageFen: (slot.wageYuan + ((i * 7) % 5) * 500) * 100,
    roles: slot.roles ?? ['EMPLOYEE'],
    ...(slot.scenario && { scenario: slot.scenario }),
    ...demoTimeline(today, slot, i, age),
  };
}
