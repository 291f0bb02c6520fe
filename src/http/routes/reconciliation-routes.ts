import { z } from 'zod';
import { listReconciliationTasks } from '../../services/reconciliation/list-reconciliation-tasks.ts';
import { RECONCILIATION_KINDS } from '../../services/reconciliation/reconciliation-kinds.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { defineRoute } from '../api-route.ts';

const taskQuery = z
  .object({
    state: z.enum(['OPEN', 'CLOSED']).optional(),
    kind: z.enum(RECONCILIATION_KINDS).optional(),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写成 2026-01 这样的年月').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export function reconciliationRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/reconciliation/tasks', action: 'reconciliation.list', tag: 'reconciliation', query: taskQuery,
      summary: 'Monthly contribution reconciliation tasks (one per mismatch), newest first',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, query }) => listReconciliationTasks(deps, { actor, ...query }),
    }),
  ];
}
