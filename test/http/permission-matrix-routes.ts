// Routes that no single permission-table entry guards. Every other route declares its `action`
// (published as x-permission in GET /api/v1/openapi.json); the matrix test fails on a route that
// does neither, so a new route must either name its permission or be listed here with why.
import type { Action } from '../../src/domain/permissions.ts';

export type Gate =
  /** Roles without the action in the table are refused (403, or 404 where existence is hidden). */
  | { action: Action }
  /** Any signed-in person, always for their own records; colleagues are checked in the matrix's own cases. */
  | 'own'
  /** No caller needed (login, public ledger, sandbox while no platform is configured). */
  | 'public';

export const ungatedRoutes: Record<string, Gate> = {
  // Its service checks the action itself, to say which finer rule applies (role-grants.ts).
  'PUT /employees/{id}/roles': { action: 'employee.changeRoles' },
  'GET /employees/{id}': 'own',
  'GET /employees/{id}/status-history': 'own',
  'GET /employees/{id}/contributions': 'own',
  'GET /employees/{id}/enrolment': 'own',
  'GET /h5/statement': 'own',
  'POST /h5/statement/read': 'own',
  'GET /h5/privacy-notice': 'own',
  'POST /h5/privacy-notice/acknowledge': 'own',
  'GET /approvals': 'own',
  'GET /approvals/{id}': 'own',
  'POST /approvals/{id}/decisions': 'own',
  'POST /approvals/{id}/withdraw': 'own',
  'POST /attendance/clock-in': 'own',
  'GET /attendance/mine': 'own',
  'GET /attendance': 'own',
  'GET /work-sites': 'own',
  'GET /absence-cases': 'own',
  'GET /absence-cases/{id}': 'own',
  'POST /absence-cases/{id}/decision': 'own',
  'POST /calc/back-pay': 'own',
  'POST /calc/back-pay/xlsx': 'own',
  // Anyone asks; HR reads and answers all, an employee only their own.
  'POST /questions': 'own',
  'GET /questions': 'own',
  'GET /questions/{id}': 'own',
  'GET /calc/exposure': 'own',
  'GET /evidence/packs': 'own',
  'POST /evidence/verify': 'public',
  'GET /evidence/public-key': 'public',
  'GET /evidence/tree-head': 'public',
  'POST /exceptions': 'own',
  'GET /exception-categories': 'own',
  'GET /exceptions': 'own',
  'GET /exceptions/{id}': 'own',
  'POST /exceptions/{id}/withdraw': 'own',
  'GET /exits': 'own',
  'GET /exits/{id}': 'own',
  'GET /exits/{id}/notice': 'own',
  'POST /exits/{id}/answer': 'own',
  'GET /exits/{id}/documents/{kind}': 'own',
  'POST /resignations': 'own',
  'GET /company-rules': 'own',
  'GET /company-rules/{id}/{part}': 'own',
  'POST /proofs': 'own',
  'GET /proofs': 'own',
  'GET /proofs/{id}/file': 'own',
  'GET /declarations/{template}/{subjectId}': 'own',
  'POST /signatures': 'own',
  'GET /signatures': 'own',
  'GET /signatures/{id}/document': 'own',
  'GET /h5/login-options': 'public',
  'POST /h5/dev-login': 'public',
  'POST /h5/logout': 'public',
  'GET /h5/me': 'own',
  'GET /h5/wecom/authorize': 'public',
  'GET /h5/wecom/callback': 'public',
  'POST /h5/dingtalk/login': 'public',
  'GET /h5/jsapi-config': 'public',
  'GET /sandbox/users': 'public',
  'GET /sandbox/messages': 'public',
  'GET /sandbox/messages/{id}/file': 'public',
  'POST /sandbox/messages': 'public',
  'POST /sandbox/card-actions': 'public',
};

/** Sample path parameters that are not ids of a fixture (ids are filled in by the test). */
export const sampleParams: Record<string, string> = { day: '2026-03-20', index: '0', n: '1', kind: 'notice', template: 'pension-waiver', part: 'document' };
