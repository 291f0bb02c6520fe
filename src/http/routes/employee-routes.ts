import { z } from 'zod';
import { createEmployeeInput, day, statusEnum, updateEmployeeInput } from '../../services/employees/employee-input.ts';
import { assignableRoles } from '../../domain/role-grants.ts';
import { changeEmployeeRoles } from '../../services/employees/change-employee-roles.ts';
import { createEmployee } from '../../services/employees/create-employee.ts';
import { getEmployee } from '../../services/employees/get-employee.ts';
import { listEmployees } from '../../services/employees/list-employees.ts';
import { listStatusHistory } from '../../services/employees/list-status-history.ts';
import { transitionEmployeeStatus } from '../../services/employees/transition-employee-status.ts';
import { updateEmployee } from '../../services/employees/update-employee.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { employeeViewSchema } from './employee-view-schema.ts';

const employeeParams = idParams('员工');

const listQuery = z
  .object({
    status: statusEnum.optional(),
    departmentId: z.uuid().optional(),
    q: z.string().trim().min(1).max(50).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const transitionBody = z
  .object({
    to: statusEnum,
    reason: z.string().trim().min(2, '请填写变更原因（至少 2 个字）').max(500),
    expectedStatus: statusEnum.optional(),
    exitDate: day.optional(),
  })
  .strict();

const rolesBody = z
  .object({
    roles: z.array(z.enum(assignableRoles, { error: '未知角色：可选员工、人事专员、财务、人事经理、管理员（直属上级由汇报关系决定，不能直接授予）' }), { error: '请以列表填写角色' })
      .min(1, '至少保留一个角色（如「员工」）').max(assignableRoles.length, '角色有重复'),
    reason: z.string({ error: '请填写修改角色的原因（至少 2 个字）' }).trim().min(2, '请填写修改角色的原因（至少 2 个字）').max(500, '原因最多 500 字'),
  })
  .strict();

const updateQuery = z.object({ expectedVersion: z.coerce.number().int().min(0).optional() }).strict();

export function employeeRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/employees', action: 'employee.list', tag: 'employees', query: listQuery,
      summary: 'List employees visible to the caller (personal data masked)',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN: all; MANAGER: own team',
      handler: ({ actor, query }) => listEmployees(deps, { actor, ...query }),
    }),
    defineRoute({
      method: 'post', path: '/employees', action: 'employee.create', tag: 'employees', body: createEmployeeInput, status: 201, response: employeeViewSchema,
      summary: 'Create an employee', roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, body }) => createEmployee(deps, { actor, input: body }),
    }),
    defineRoute({
      method: 'get', path: '/employees/:id', tag: 'employees', params: employeeParams, response: employeeViewSchema,
      summary: 'One employee; full ID number and mobile for roles that may read them (audited)',
      roles: 'HR/ADMIN/FINANCE: all; MANAGER: own team; EMPLOYEE: self',
      handler: ({ actor, params }) => getEmployee(deps, { actor, id: params.id }),
    }),
    defineRoute({
      method: 'patch', path: '/employees/:id', action: 'employee.update', tag: 'employees', params: employeeParams, query: updateQuery, body: updateEmployeeInput, response: employeeViewSchema,
      summary: 'Edit an employee record (status changes use /status; a roles field is refused with 400: use PUT /employees/:id/roles)', roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, query, body }) => updateEmployee(deps, { actor, id: params.id, input: body, expectedVersion: query.expectedVersion }),
    }),
    defineRoute({
      method: 'put', path: '/employees/:id/roles', tag: 'employees', params: employeeParams, query: updateQuery, body: rolesBody,
      summary: 'Replace an employee\'s roles, with a reason (four-eyes: never one\'s own; audited as employee.roles_changed, card to HR managers and admins)',
      roles: 'ADMIN: any role; HR_MANAGER: grants or removes HR_SPECIALIST and FINANCE on people holding no ADMIN/HR_MANAGER; nobody on themselves',
      handler: ({ actor, params, query, body }) => changeEmployeeRoles(deps, { actor, id: params.id, roles: body.roles, reason: body.reason, expectedVersion: query.expectedVersion }),
    }),
    defineRoute({
      method: 'post', path: '/employees/:id/status', action: 'employee.transition', tag: 'employees', params: employeeParams, body: transitionBody,
      summary: 'Change lifecycle status (409 when the lifecycle table forbids it)', roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, body }) => transitionEmployeeStatus(deps, { actor, id: params.id, ...body }),
    }),
    defineRoute({
      method: 'get', path: '/employees/:id/status-history', tag: 'employees', params: employeeParams,
      summary: 'Lifecycle history of one employee', roles: 'as GET /employees/:id',
      handler: async ({ actor, params }) => ({ items: await listStatusHistory(deps, { actor, id: params.id }) }),
    }),
  ];
}
