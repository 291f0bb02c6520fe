// The timeline of an evidence pack: every audit event about the pack's subjects, oldest first,
// with who acted, from which IP and device. timeline.csv opens in Excel (UTF-8 BOM); timeline.json
// keeps exact UTC instants for tools. In an employee's own pack the staff who acted appear by role
// (人事专员), without name, IP or device: the employee is entitled to what was done about them,
// not to their colleagues' personal data (《个人信息保护法》第五十一条: access control and
// de-identification of personal information).
import { auditEventLabel } from '../../domain/audit-event-labels.ts';
import { roleLabels } from '../../domain/role-labels.ts';
import type { ServiceDeps } from '../deps.ts';

export interface TimelineRow {
  /** UTC, ISO 8601 with milliseconds. */
  at: string;
  /** Business time zone, 'YYYY-MM-DD HH:mm:ss' (seconds matter in evidence). */
  time: string;
  who: string;
  roles: string;
  what: string;
  type: string;
  ip: string;
  device: string;
  subject: string;
  details: string;
}

interface ActorSnapshot {
  name?: string;
  kind?: string;
  id?: string;
  roles?: string[];
}

/** An audit event filed under another subject (the signer, the uploader) that names a pack document by id. */
export interface TimelineRef {
  key: 'signatureId' | 'proofId';
  id: string;
}

/**
 * The signing and the upload are audited under the employee, but they are the core facts of a
 * case's pack: the ledger entry's metadata names them, so the timeline finds them by that id.
 * @example timelineRefsOf({ signatureId: 's1', ip: '…' }) // → [{ key: 'signatureId', id: 's1' }]
 */
export function timelineRefsOf(metadata: unknown): TimelineRef[] {
  const m = (metadata ?? {}) as Record<string, unknown>;
  return (['signatureId', 'proofId'] as const).flatMap((key) => (typeof m[key] === 'string' ? [{ key, id: m[key] }] : []));
}

/**
 * Every audit event whose subject is one of `subjects`, or whose data names one of `refs`, in time order.
 * `ownView`: the employee id when employees export their own pack; every other actor is then shown by role only.
 */
export async function loadPackTimeline(deps: ServiceDeps, subjects: { type: string; id: string }[], refs: TimelineRef[] = [], opts: { ownView?: string } = {}): Promise<TimelineRow[]> {
  if (subjects.length === 0 && refs.length === 0) return [];
  // Containment, not a JSON path comparison, so the GIN index on data (jsonb_path_ops) finds the
  // few events naming these ids instead of scanning the whole audit log.
  const named = refs.length === 0 ? [] : await deps.db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "AuditEvent" WHERE data @> ANY(${refs.map((r) => JSON.stringify({ [r.key]: r.id }))}::jsonb[])`;
  const events = await deps.db.auditEvent.findMany({
    where: { OR: [...subjects.map((s) => ({ subjectType: s.type, subjectId: s.id })), ...(named.length > 0 ? [{ id: { in: named.map((e) => e.id) } }] : [])] },
    orderBy: [{ at: 'asc' }, { seq: 'asc' }],
  });
  return events.map((e) => {
    const actor = (e.actor ?? {}) as ActorSnapshot;
    const row = {
      at: e.at.toISOString(),
      time: secondsIn(deps.businessTz, e.at),
      who: actor.name ?? actor.kind ?? '',
      roles: (actor.roles ?? []).map((r) => roleLabels[r as keyof typeof roleLabels] ?? r).join('、'),
      what: auditEventLabel(e.type),
      type: e.type,
      ip: e.ip ?? '',
      device: e.userAgent ?? '',
      subject: `${e.subjectType ?? ''}:${e.subjectId ?? ''}`,
      details: JSON.stringify(e.data),
    };
    const isViewer = actor.kind === 'employee' && actor.id === opts.ownView;
    if (opts.ownView === undefined || isViewer) return row;
    const role = roleOnly(actor);
    return { ...row, who: role, roles: role, ip: '', device: '' };
  });
}

/** Most specific first: the role a colleague acted in, as the employee should read it. */
const staffRoleOrder = ['HR_MANAGER', 'HR_SPECIALIST', 'FINANCE', 'ADMIN', 'MANAGER', 'EMPLOYEE'] as const;

function roleOnly(actor: ActorSnapshot): string {
  if (actor.kind === 'system') return '系统';
  if (actor.kind === 'admin') return roleLabels.ADMIN;
  const role = staffRoleOrder.find((r) => actor.roles?.includes(r));
  return role ? roleLabels[role] : '其他人员';
}

function secondsIn(tz: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

const header = ['时间（北京时间）', '操作人', '角色', '事件', '事件代码', 'IP', '设备', '对象', '详情'];

/** CSV with a BOM so Excel reads UTF-8; cells that Excel would run as formulas are quoted with '. */
export function timelineCsv(rows: readonly TimelineRow[]): Buffer {
  const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replaceAll('"', '""')}"`;
  const lines = [header, ...rows.map((r) => [r.time, r.who, r.roles, r.what, r.type, r.ip, r.device, r.subject, r.details])];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
