import { z } from 'zod';
import { listAuditEvents } from '../../services/audit/list-audit-events.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { defineRoute } from '../api-route.ts';

const auditQuery = z
  .object({
    type: z.string().max(64).optional(),
    subjectType: z.string().max(32).optional(),
    subjectId: z.string().max(64).optional(),
    actorId: z.string().max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    before: z.string().regex(/^\d+$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export function auditRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/audit-events', action: 'audit.list', tag: 'audit', query: auditQuery,
      summary: 'Audit log, newest first, with filters and keyset paging (nextBefore)', roles: 'HR_MANAGER, ADMIN',
      handler: ({ actor, query }) =>
        listAuditEvents(deps, {
          actor,
          ...query,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
          before: query.before ? BigInt(query.before) : undefined,
        }),
    }),
  ];
}
