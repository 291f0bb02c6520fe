// Test data written through the real services, so tests exercise the same paths as users.
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy/privacy-notice.ts';
import { systemActor, type Actor } from '../../src/domain/actor.ts';
import { checkDigitOf } from '../../src/domain/id-number.ts';
import type { Role } from '../../src/generated/prisma/client.ts';
import { createEmployee } from '../../src/services/employees/create-employee.ts';
import type { CreateEmployeeInput } from '../../src/services/employees/employee-input.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';

export const testAdmin: Actor = systemActor('test', '测试管理员');

let counter = 0;

/** A valid 18-digit ID number (Beijing Dongcheng, born 1990-01-01 + n days). */
export function validIdNumber(n = counter): string {
  const birth = new Date(Date.UTC(1990, 0, 1 + (n % 5000)));
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `110101${ymd}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkDigitOf(first17);
}

export function validMobile(n = counter): string {
  return `139${String(10_000_000 + (n % 89_999_999)).padStart(8, '0')}`;
}

/**
 * `privacyAcknowledged: false` leaves the privacy notice unacknowledged (the H5 then shows it first);
 * by default the employee has acknowledged its current version, as everyone who used the H5 before.
 */
export async function makeEmployee(deps: ServiceDeps, overrides: Partial<CreateEmployeeInput> = {}, opts: { privacyAcknowledged?: boolean } = {}) {
  counter++;
  const input: CreateEmployeeInput = {
    employeeNo: `T${String(counter).padStart(5, '0')}${Math.random().toString(36).slice(2, 6)}`,
    name: `测试员工${counter}`,
    startDate: '2026-01-05',
    department: '研发部',
    status: 'ACTIVE',
    mobile: validMobile(counter * 7919),
    idNumber: validIdNumber(counter * 31),
    ...overrides,
  };
  const employee = await createEmployee(deps, { actor: testAdmin, input });
  if (opts.privacyAcknowledged !== false) await deps.db.privacyAcknowledgement.create({ data: { employeeId: employee.id, version: PRIVACY_NOTICE_VERSION, acknowledgedAt: deps.now() } });
  return employee;
}

/** An employee with the given roles, and the actor that represents them when signed in. */
export async function makeActor(deps: ServiceDeps, roles: Role[], overrides: Partial<CreateEmployeeInput> = {}, opts: { privacyAcknowledged?: boolean } = {}) {
  const employee = await makeEmployee(deps, { roles, ...overrides }, opts);
  const actor = await loadEmployeeActor(deps.db, employee.id);
  if (!actor) throw new Error('actor not loadable');
  return { employee, actor };
}
