// What the exit pages receive from /api/v1/exits (see src/services/exits). The list row and the
// notice view are the server's own types (src/domain/views/exits.ts).
import type { ExitRowView } from '../domain/views/exits.ts';

export type { NoticeView } from '../domain/views/exits.ts';
export type ExitRow = ExitRowView;

export interface ExitTaskItem {
  id: string;
  processId: string;
  kind: string;
  title: string;
  legalBasis: string;
  dueOn: string;
  state: string;
  overdue: boolean;
  doneAt: string | null;
  doneByName: string | null;
  employeeName?: string;
}

export interface ExitChannel {
  channel: string;
  label: string;
  delivery?: string;
  deliveredAt?: string | null;
  reference?: string;
  sentOn?: string;
  /** EMS 妥投 / SMS delivery day, when recorded. */
  deliveredOn?: string | null;
  recordedBy?: string;
}

export interface ExitStepItem {
  kind: string;
  label: string;
  documentSha256: string | null;
  deadline: string | null;
  sentAt: string | null;
  sentByName: string | null;
  channels: ExitChannel[];
  /** '待送达' or '已送达（day，proof）' for notices; null for other steps. */
  delivery: string | null;
  deliveredOn: string | null;
  readAt: string | null;
  answer: 'RETURN' | 'RESIGNED' | null;
  answerReturnOn: string | null;
  answerNote: string | null;
  answeredAt: string | null;
  notifiedOn: string | null;
  unionReply: string | null;
  notifiedBody: string | null;
  companyAnswer: string | null;
  companyAnsweredOn: string | null;
}

export interface ExitDetail extends ExitRow {
  employeeStatus: string;
  reason: string | null;
  note: string | null;
  absentDays: number | null;
  noticeDays: number | null;
  approval: { id: string; status: string; title: string } | null;
  steps: ExitStepItem[];
  documents: { kind: string; label: string; sha256: string; url: string }[];
  tasks: ExitTaskItem[];
  timeline: { at: string; type: string; label: string; actorName: string }[];
  actions: Record<'sendNotice' | 'recordChannel' | 'recordUnion' | 'recordUnionAnswer' | 'requestTermination' | 'markReturned' | 'acceptResignation' | 'completeExit' | 'issueCertificate', boolean> | null;
  evidencePackUrl: string | null;
}

export const answerLabel = (s: { answer: string | null; answerReturnOn: string | null }) =>
  s.answer === 'RETURN' ? `我将于 ${s.answerReturnOn} 返岗` : s.answer === 'RESIGNED' ? '我已离职' : null;
