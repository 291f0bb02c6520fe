import type { Actor } from '../../domain/actor.ts';
import { dayIn, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { roleChangeProblem } from '../../domain/role-grants.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { suggestTransfers } from '../transfer/suggest-transfers.ts';
import type { ServiceDeps } from '../deps.ts';
import { contractColumns } from './contract-columns.ts';
import type { CreateEmployeeInput } from './employee-input.ts';
import { assertPersonalDataFree, ensureDepartment, replaceIdentities, replaceRoles, resolveManagerId } from './employee-relations.ts';
import { employeeInclude, toEmployeeView, type EmployeeView } from './employee-view.ts';
import { identityColumns } from './identity-columns.ts';
import { sealPersonalData } from './seal-personal-data.ts';

/** Creates one employee with its first status-history row and an `employee.created` audit event. */
export async function createEmployee(
  deps: ServiceDeps,
  opts: { actor: Actor; input: CreateEmployeeInput },
): Promise<EmployeeView> {
  authorize(opts.actor, 'employee.create');
  const { input, actor } = opts;
  const today = dayIn(deps.businessTz, deps.now());
  const identity = identityColumns(input, undefined, today);
  const roles = input.roles ?? ['EMPLOYEE'];
  const problem = roleChangeProblem(actor, { before: [], after: roles });
  if (problem) throw new AppError('forbidden', problem);
  const sealed = sealPersonalData(deps.cipher, input);
  const row = await deps.db.$transaction(async (tx) => {
    if (await tx.employee.findUnique({ where: { employeeNo: input.employeeNo }, select: { id: true } })) {
      throw new AppError('conflict', `工号 ${input.employeeNo} 已存在`);
    }
    await assertPersonalDataFree(tx, sealed);
    const created = await tx.employee.create({
      data: {
        employeeNo: input.employeeNo,
        name: input.name,
        ...sealed,
        ...identity,
        retirementCategory: input.retirementCategory ?? null,
        startDate: parseDay(input.startDate),
        exitDate: input.exitDate ? parseDay(input.exitDate) : null,
        enrolledOn: input.enrolledOn ? parseDay(input.enrolledOn) : null,
        position: input.position,
        departmentId: await ensureDepartment(tx, input.department),
        managerId: await resolveManagerId(tx, input.managerEmployeeNo, input.employeeNo),
        insuredCity: input.insuredCity,
        previousInsuredCity: input.previousInsuredCity,
        hukouProvince: input.hukouProvince,
        contractEntity: input.contractEntity,
        monthlyWageFen: input.monthlyWage,
        ...contractColumns(input),
        status: input.status,
      },
    });
    await tx.statusChange.create({
      data: { employeeId: created.id, toStatus: input.status, reason: '建档', actorId: actor.id, actorName: actor.name },
    });
    await replaceRoles(tx, created.id, roles);
    if (input.identities) await replaceIdentities(tx, created.id, input.identities);
    await writeAuditEvent(tx, actor, { type: 'employee.created', data: { employeeNo: input.employeeNo, name: input.name, source: 'api' } }, { type: 'employee', id: created.id });
    await suggestTransfers(deps, tx, { actor, employeeIds: [created.id] });
    return tx.employee.findUniqueOrThrow({ where: { id: created.id }, include: employeeInclude });
  });
  return toEmployeeView(row, deps.cipher, false, today);
}
