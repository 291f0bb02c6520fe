// The little text the 待办 pages derive from /api/v1/approvals (the shapes are the server's own,
// src/domain/views/approvals.ts).
import type { ApprovalBox, ApprovalListItem } from '../domain/views/approvals.ts';

/** '已等待 3 小时' / '已等待 2 天 1 小时' / '刚刚提交'. */
export function waitingText(sinceIso: string | null, now: Date): string {
  if (!sinceIso) return '';
  const hours = Math.floor((now.getTime() - new Date(sinceIso).getTime()) / 3_600_000);
  if (hours < 1) return '刚刚提交';
  if (hours < 24) return `已等待 ${hours} 小时`;
  const rest = hours % 24;
  return `已等待 ${Math.floor(hours / 24)} 天${rest ? ` ${rest} 小时` : ''}`;
}

/** The line under a 待办 item's title. */
export function itemLabel(item: ApprovalListItem, box: ApprovalBox, now: Date): string {
  const by = `${item.submitter.name} 提交`;
  if (item.status !== 'PENDING') return `${by} · ${item.statusLabel}${item.decidedAtText ? ` · ${item.decidedAtText}` : ''}`;
  const step = item.step ? ` · ${item.step.name}` : '';
  const due = item.dueText ? ` · 截止 ${item.dueText}` : '';
  return box === 'pending' ? `${by} · ${waitingText(item.waitingSince, now)}${due}` : `${by}${step}${due}`;
}
