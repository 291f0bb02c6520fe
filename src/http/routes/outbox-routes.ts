import { z } from 'zod';
import { listDeadLetters } from '../../services/dead-letters/list-dead-letters.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { defineRoute } from '../api-route.ts';

const deadLetterQuery = z
  .object({
    platform: z.enum(['wecom', 'dingtalk', 'sandbox']).optional(),
    before: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export function outboxRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/outbox/dead-letters', action: 'outbox.list', tag: 'outbox', query: deadLetterQuery,
      summary: 'Outbound chat messages that could not be delivered (retries exhausted or a permanent error), newest first',
      roles: 'HR_MANAGER, ADMIN',
      handler: ({ actor, query }) => listDeadLetters(deps, { actor, ...query, before: query.before ? new Date(query.before) : undefined }),
    }),
  ];
}
