// Sorts validated rows into creates, real updates and no-ops before anything is written, so a
// re-import of the same file writes nothing. Ids for new employees are chosen here, which
// lets a new report point at a new manager in the same file.
import { randomUUID } from 'node:crypto';
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import type { EmployeeStatus, Platform, Role } from '../../generated/prisma/enums.ts';
import { desiredEmployeeColumns, type EmployeeColumns } from './desired-employee-columns.ts';
import type { KnownEmployee } from './load-roster-employees.ts';
import type { RosterRecord } from './map-roster-row.ts';
import type { RosterField } from './roster-columns.ts';

export type IdentityPair = [Platform, string];

interface PlannedEmployee {
  id: string;
  employeeNo: string;
  columns: EmployeeColumns;
  /** Chat accounts to bind (new or different from the stored one). */
  identities: IdentityPair[];
}

export interface NewEmployee extends PlannedEmployee {
  roles: Role[];
}

export interface ChangedEmployee extends PlannedEmployee {
  version: number;
  /** API field names, for the audit entry. */
  fields: string[];
  statusFrom: EmployeeStatus;
  /** Only when the roles change. */
  newRoles?: Role[];
}

export interface RosterPlan {
  /** Managers before their reports, so a batch never points at a row not yet inserted. */
  creates: NewEmployee[];
  updates: ChangedEmployee[];
  unchanged: number;
}

export function planRosterChanges(opts: {
  records: RosterRecord[];
  columns: Set<RosterField>;
  known: Map<string, KnownEmployee>;
  departmentIds: Map<string, string>;
  cipher: PersonalDataCipher;
}): RosterPlan {
  const idOf = new Map([...opts.known].map(([no, e]) => [no, e.id]));
  for (const r of opts.records) if (!idOf.has(r.input.employeeNo)) idOf.set(r.input.employeeNo, randomUUID());
  const lookup = (map: Map<string, string>, key: string) => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`import plan: no id for ${key}`);
    return value;
  };
  const plan: RosterPlan = { creates: [], updates: [], unchanged: 0 };
  for (const record of opts.records) {
    const { input } = record;
    const current = opts.known.get(input.employeeNo);
    const { values, changed } = desiredEmployeeColumns({
      record,
      columns: opts.columns,
      current,
      departmentId: lookup(opts.departmentIds, input.department),
      managerId: input.managerEmployeeNo ? lookup(idOf, input.managerEmployeeNo) : null,
      cipher: opts.cipher,
    });
    const identities = (['wecom', 'dingtalk'] as const).flatMap((p): IdentityPair[] => {
      const userId = input.identities?.[p];
      const stored = current?.identities.find((i) => i.platform === p)?.userId;
      return userId !== undefined && userId !== stored ? [[p, userId]] : [];
    });
    if (identities.length > 0 && current) changed.push('identities');
    const id = lookup(idOf, input.employeeNo);
    if (!current) {
      plan.creates.push({ id, employeeNo: input.employeeNo, columns: values, roles: input.roles ?? ['EMPLOYEE'], identities });
      continue;
    }
    const storedRoles = current.roles.map((r) => r.role);
    const newRoles = record.rolesGiven && !sameSet(storedRoles, input.roles ?? []) ? input.roles : undefined;
    if (newRoles) changed.push('roles');
    if (changed.length === 0) {
      plan.unchanged++;
    } else {
      plan.updates.push({ id, employeeNo: input.employeeNo, columns: values, identities, version: current.version, fields: changed, statusFrom: current.status, newRoles });
    }
  }
  plan.creates = managersFirst(plan.creates, opts.records);
  return plan;
}

function sameSet<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Orders new employees by their depth in the file's reporting lines (loops were rejected). */
function managersFirst(creates: NewEmployee[], records: RosterRecord[]): NewEmployee[] {
  const bossOf = new Map(records.map((r) => [r.input.employeeNo, r.input.managerEmployeeNo ?? undefined]));
  const isNew = new Set(creates.map((c) => c.employeeNo));
  const depth = new Map<string, number>();
  for (const { employeeNo } of creates) {
    const chain: string[] = [];
    let no: string | undefined = employeeNo;
    while (no !== undefined && isNew.has(no) && !depth.has(no)) {
      chain.push(no);
      no = bossOf.get(no);
    }
    let d = no !== undefined && depth.has(no) ? (depth.get(no) as number) + 1 : 0;
    for (const n of chain.reverse()) depth.set(n, d++);
  }
  return [...creates].sort((a, b) => (depth.get(a.employeeNo) ?? 0) - (depth.get(b.employeeNo) ?? 0));
}
