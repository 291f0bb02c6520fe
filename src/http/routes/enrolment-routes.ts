import { z } from 'zod';
import { day } from '../../services/employees/employee-input.ts';
import { changeEnrolmentDate, getEnrolment } from '../../services/enrolment/change-enrolment-date.ts';
import { listPendingEnrolments } from '../../services/enrolment/list-pending-enrolments.ts';
import { recordEnrolmentManually } from '../../services/enrolment/record-enrolment-manually.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { defineRoute, idParams } from '../api-route.ts';

const employeeParams = idParams('员工');

const changeBody = z
  .object({
    enrolledOn: day,
    reason: z.string().trim().min(2, '请填写更正原因（至少 2 个字）').max(200),
  })
  .strict();

export function enrolmentRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/enrolment/pending', action: 'enrolment.record', tag: 'enrolment',
      summary: 'Hires not yet enrolled (待增员), with the legal deadline and days left, the overdue first',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor }) => listPendingEnrolments(deps, { actor }),
    }),
    defineRoute({
      method: 'get', path: '/employees/:id/enrolment', tag: 'enrolment', params: employeeParams,
      summary: 'Social-insurance enrolment (社保增员) of one employee: the rows per insurance and their history',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN: all; anyone: self',
      handler: ({ actor, params }) => getEnrolment(deps, { actor, employeeId: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/employees/:id/enrolment', action: 'enrolment.record', tag: 'enrolment', params: employeeParams, body: changeBody, status: 201,
      summary: 'Record an enrolment done outside the cards (source manual): all five insurances, alerts stop',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, body }) => recordEnrolmentManually(deps, { actor, employeeId: params.id, ...body }),
    }),
    defineRoute({
      method: 'patch', path: '/employees/:id/enrolment', action: 'enrolment.record', tag: 'enrolment', params: employeeParams, body: changeBody,
      summary: 'Correct the enrolment date of every enrolled insurance (not in the future, not before the start date)',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, body }) => changeEnrolmentDate(deps, { actor, employeeId: params.id, ...body }),
    }),
  ];
}
