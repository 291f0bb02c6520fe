// The 员工角色已变更 card, queued in the caller's transaction: one per chat platform, to every HR
// manager and admin who can be reached there except the one who made the change, so a grant of
// power is always seen by someone else. CardInstance, outbox message and card.sent commit with it.
import { randomUUID } from 'node:crypto';
import { buildRolesChangedCard, type RoleChangeFact } from '../../../cards/roles-changed-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { roleLabels } from '../../domain/role-labels.ts';
import type { Role } from '../../generated/prisma/client.ts';
import type { AuditSubject } from '../audit/write-audit-event.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';

export interface RoleChangeRecord {
  name: string;
  employeeNo: string;
  before: Role[];
  after: Role[];
}

const named = (roles: Role[]) => roles.map((r) => roleLabels[r]);

/**
 * @example
 *   await queueRolesChangedCard(deps, tx, { actor, subject: { type: 'employee', id }, changes: [{ name, employeeNo, before, after }], reason });
 */
export async function queueRolesChangedCard(
  deps: ServiceDeps,
  tx: Tx,
  o: { actor: Actor; subject: AuditSubject; changes: RoleChangeRecord[]; reason: string },
): Promise<number> {
  if (o.changes.length === 0) return 0;
  const changes: RoleChangeFact[] = o.changes.map((c) => ({ name: c.name, employeeNo: c.employeeNo, before: named(c.before), after: named(c.after) }));
  const facts = { changes, actorName: o.actor.name, reason: o.reason, at: formatDateTime(deps.businessTz, deps.now()) };
  const id = randomUUID().replaceAll('-', '');
  let queued = 0;
  for (const platform of deps.chatPlatforms) {
    const to = await tx.platformIdentity.findMany({
      where: { platform, employee: { status: { not: 'EXITED' }, ...(o.actor.kind === 'employee' && { id: { not: o.actor.id } }), roles: { some: { role: { in: ['HR_MANAGER', 'ADMIN'] } } } } },
      select: { userId: true, employeeId: true },
      orderBy: { userId: 'asc' },
    });
    if (to.length === 0) continue;
    const card = buildRolesChangedCard({ key: `rol-${id}-${platform}`, facts, h5Url: `${deps.publicBaseUrl}/app/me` });
    await tx.cardInstance.create({
      data: { cardKey: card.key, platform, type: card.type, subjectType: o.subject.type, subjectId: o.subject.id, recipients: toJsonColumn(to), model: toJsonColumn(card) },
    });
    const userIds = to.map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card } });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, o.subject);
    queued++;
  }
  return queued;
}
