import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ListAuditEventsOptions {
  actor: Actor;
  type?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** Keyset pagination: events with seq below this (newest first). */
  before?: bigint;
  limit: number;
}

/** Newest-first page of audit events matching the filters; `nextBefore` continues the listing. */
export async function listAuditEvents(deps: ServiceDeps, opts: ListAuditEventsOptions) {
  authorize(opts.actor, 'audit.list');
  const where: Prisma.AuditEventWhereInput = {
    type: opts.type,
    subjectType: opts.subjectType,
    subjectId: opts.subjectId,
    ...(opts.actorId && { actor: { path: ['id'], equals: opts.actorId } }),
    at: { gte: opts.from, lt: opts.to },
    ...(opts.before !== undefined && { seq: { lt: opts.before } }),
  };
  const rows = await deps.db.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, take: opts.limit });
  return {
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq.toString(),
      type: r.type,
      at: r.at.toISOString(),
      actor: r.actor,
      subject: r.subjectType ? { type: r.subjectType, id: r.subjectId } : null,
      data: r.data,
      ip: r.ip,
      userAgent: r.userAgent,
    })),
    nextBefore: rows.length === opts.limit ? rows.at(-1)?.seq.toString() ?? null : null,
  };
}
