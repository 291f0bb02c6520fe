// What the exit pages receive from /api/v1/exits (see src/services/exits), and one loader that
// sends a signed-out visitor to the login page.
import type { Router, RouteLocationNormalizedLoaded } from 'vue-router';
import { ApiError } from './api.ts';
import { LOGIN_PAGE } from './session-guard.ts';

export interface ExitRow {
  id: string;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  employee: { id: string; name: string; employeeNo: string; department: string };
  deadline: string | null;
  exitDate: string | null;
  createdAt: string;
}

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
  readAt: string | null;
  answer: 'RETURN' | 'RESIGNED' | null;
  answerReturnOn: string | null;
  answerNote: string | null;
  answeredAt: string | null;
  notifiedOn: string | null;
  unionReply: string | null;
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
  actions: Record<'sendNotice' | 'recordChannel' | 'recordUnion' | 'requestTermination' | 'markReturned' | 'acceptResignation' | 'completeExit' | 'issueCertificate', boolean> | null;
  evidencePackUrl: string | null;
}

export interface NoticeView {
  processId: string;
  employeeName: string;
  state: string;
  canAnswer: boolean;
  today: string;
  notices: { kind: string; title: string; paragraphs: string[]; sentAt: string; deadline: string; readAt: string | null; answer: string | null; answerReturnOn: string | null; documentUrl: string }[];
}

/** Runs `fn`; a 401 goes to the login page (returns undefined), other errors become the message. */
export async function loadOrLogin<T>(router: Router, route: RouteLocationNormalizedLoaded, fn: () => Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await fn() };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      await router.replace({ name: LOGIN_PAGE, query: { redirect: route.fullPath } });
      return {};
    }
    return { error: e instanceof Error ? e.message : '加载失败，请重试' };
  }
}

export const answerLabel = (s: { answer: string | null; answerReturnOn: string | null }) =>
  s.answer === 'RETURN' ? `我将于 ${s.answerReturnOn} 返岗` : s.answer === 'RESIGNED' ? '我已离职' : null;
