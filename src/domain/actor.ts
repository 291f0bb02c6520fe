import type { Platform, Role } from '../generated/prisma/enums.ts';

/** Who is acting. Audit events store a snapshot of this, never a foreign key. */
export interface Actor {
  kind: 'admin' | 'employee' | 'system';
  /** Employee id for kind 'employee'; a stable label otherwise ('admin-token', 'cli', 'job:<name>'). */
  id: string;
  name: string;
  roles: Role[];
  /** The client address (src/http/client-address.ts: right-most address not added by a trusted proxy). */
  ip?: string;
  /** The raw X-Forwarded-For the request came with, kept beside `ip` as evidence (never used to pick it). */
  forwardedFor?: string;
  userAgent?: string;
  /** The platform of the H5 session (wecom / dingtalk / sandbox), recorded with signatures. */
  platform?: Platform;
}

export const adminActor = (ip?: string, userAgent?: string): Actor => ({
  kind: 'admin',
  id: 'admin-token',
  name: '管理员令牌',
  roles: ['ADMIN'],
  ip,
  userAgent,
});

export const systemActor = (id: string, name = '系统'): Actor => ({ kind: 'system', id, name, roles: ['ADMIN'] });

/** What an audit event keeps of its actor: who, in which roles, and the raw forwarding chain when there was one. */
export const actorSnapshot = (actor: Actor) => ({
  kind: actor.kind,
  id: actor.id,
  name: actor.name,
  roles: actor.roles,
  ...(actor.forwardedFor && { forwardedFor: actor.forwardedFor }),
});
