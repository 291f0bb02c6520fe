// How an exit case is shown: list rows, the case page (timeline, documents with delivery and
// read state, tasks, what HR can do next).
import type { Db } from '../../db/client.ts';
import { formatDateTime, formatDay } from '../../domain/dates.ts';
import { awaitingDelivery, deliveryPendingLabels, exitKindLabels, exitStateLabels, stepKindLabels, type ExitKind } from '../../domain/exits/exit-states.ts';
import { parseExitStepChannels } from '../../domain/exits/exit-step-channels.ts';
import type { ExitChannelView, ExitRowView, ExitStepView, ExitTaskView } from '../../domain/views/exits.ts';
import type { ExitProcess, ExitStep, ExitTask } from '../../generated/prisma/client.ts';

export const exitEventLabels: Record<string, string> = {
  'exit.started': '启动离职流程',
  'exit.notice_sent': '发出返岗通知书',
  'exit.notice_read': '员工已读通知书（打开通知书页面，或钉钉报告已读）',
  'exit.notice_delivered': '通知书消息已送达平台（文字链接或 PDF 文件）',
  'exit.notice_served': '通知书送达员工（期限自送达之日起算；解除通知书送达之日解除）',
  'exit.resignation_confirmed': '员工签名确认书面辞职（劳动合同法第三十七条），旷工解除流程停止',
  'exit.employee_answered': '员工回复通知书',
  'exit.channel_recorded': '登记其他送达方式',
  'exit.union_notified': '通知工会并登记意见',
  'exit.union_answered': '书面答复工会意见',
  'exit.termination_requested': '提交解除审批',
  'exit.termination_rejected': '解除审批被驳回',
  'exit.terminated': '解除劳动合同，发出通知书',
  'exit.returned': '员工返岗，流程关闭',
  'exit.accepted': '人事确认收到离职申请',
  'exit.completed': '办理离职',
  'exit.document_issued': '出具离职证明',
  'exit.task_opened': '生成离职事项',
  'exit.task_reminded': '离职事项到期提醒',
  'exit.task_escalated': '离职事项逾期，升级人事经理',
  'exit.task_done': '离职事项办结',
  'exit.closed': '离职事项全部办结，流程关闭',
  'resignation.requested': '员工提交离职申请',
};

type EmployeeBits = { id: string; name: string; employeeNo: string; department: { name: string } };

export function toExitRow(tz: string, p: ExitProcess, e: EmployeeBits): ExitRowView {
  return {
    id: p.id, kind: p.kind, kindLabel: exitKindLabels[p.kind as ExitKind] ?? p.kind, state: p.state,
    stateLabel: (awaitingDelivery(p) ? deliveryPendingLabels[p.state] : exitStateLabels[p.state]) ?? p.state,
    deliveryPending: awaitingDelivery(p) || p.state === 'TERMINATION_NOTICE_SENT',
    employee: { id: e.id, name: e.name, employeeNo: e.employeeNo, department: e.department.name },
    deadline: formatDay(p.deadline), exitDate: formatDay(p.exitDate), createdAt: formatDateTime(tz, p.createdAt),
  };
}

export function toTaskView(tz: string, t: ExitTask, today: string): ExitTaskView {
  const dueOn = formatDay(t.dueOn) as string;
  return {
    id: t.id, processId: t.processId, employeeId: t.employeeId, kind: t.kind, title: t.title, legalBasis: t.legalBasis, dueOn, state: t.state,
    overdue: t.state === 'OPEN' && dueOn < today, ownerId: t.ownerId,
    remindedAt: t.remindedAt && formatDateTime(tz, t.remindedAt), escalatedAt: t.escalatedAt && formatDateTime(tz, t.escalatedAt),
    doneAt: t.doneAt && formatDateTime(tz, t.doneAt), doneByName: t.doneByName, note: t.note,
  };
}

const platformNames: Record<string, string> = { wecom: '企业微信', dingtalk: '钉钉', sandbox: '沙箱' };

const deliveryProofLabels: Record<string, string> = { chat: '聊天消息送达平台', ems: '邮政快递妥投', sms: '短信送达', h5: '员工打开通知书' };

const isNotice = (kind: string) => kind.startsWith('return_notice') || kind === 'termination_notice';

/** A step with its channels; chat deliveries carry the outbox state (已发送 when the platform accepted it). */
export async function toStepView(db: Db, tz: string, s: ExitStep): Promise<ExitStepView> {
  const records = parseExitStepChannels(s.channels);
  const keys = records.flatMap((r) => (r.channel === 'chat' ? [r.dedupeKey] : []));
  const outbox = keys.length > 0 ? await db.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true, status: true, sentAt: true } }) : [];
  const channels = records.map((r): ExitChannelView => {
    if (r.channel !== 'chat') {
      return { channel: r.channel, label: r.channel === 'ems' ? '邮政快递' : r.channel === 'sms' ? '短信' : '其他', reference: r.reference, sentOn: r.sentOn, deliveredOn: r.deliveredOn ?? null, recordedBy: r.recordedByName ?? '' };
    }
    const sent = outbox.find((m) => m.dedupeKey === r.dedupeKey);
    return { channel: 'chat', label: `${r.message === 'file' ? '通知书 PDF 文件' : '聊天消息'}（${platformNames[r.platform] ?? r.platform}）`, readAt: r.readAt ? formatDateTime(tz, new Date(r.readAt)) : null, delivery: sent?.status === 'SENT' ? '已送达平台' : sent?.status === 'DEAD' ? '发送失败' : '发送中', deliveredAt: sent?.sentAt ? formatDateTime(tz, sent.sentAt) : null };
  });
  return {
    kind: s.kind, label: stepKindLabels[s.kind] ?? s.kind, documentSha256: s.documentSha256, deadline: formatDay(s.deadline),
    sentAt: s.sentAt && formatDateTime(tz, s.sentAt), sentByName: s.sentByName, channels,
    // Only notices are delivered; 待送达 until a proof (the first counts) is recorded.
    delivery: isNotice(s.kind) && s.sentAt ? (s.deliveredOn ? `已送达（${formatDay(s.deliveredOn)}，${deliveryProofLabels[s.deliveredVia ?? ''] ?? s.deliveredVia}）` : '待送达') : null,
    deliveredOn: formatDay(s.deliveredOn),
    readAt: s.readAt && formatDateTime(tz, s.readAt), answer: s.answer, answerReturnOn: formatDay(s.answerReturnOn), answerNote: s.answerNote,
    answeredAt: s.answeredAt && formatDateTime(tz, s.answeredAt), notifiedOn: formatDay(s.notifiedOn), unionReply: s.unionReply,
    notifiedBody: s.notifiedBody, companyAnswer: s.companyAnswer, companyAnsweredOn: formatDay(s.companyAnsweredOn),
  };
}
