// The shapes /api/v1/exits answers with, shared by the services that build them and the H5 pages
// that show them (src/h5/pages/Exit*.vue), so the two cannot drift apart. Types only: the H5 bundle
// gains no code from here.

/** One exit case in a list (HR's 离职管理). */
export interface ExitRowView {
  id: string;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  employee: { id: string; name: string; employeeNo: string; department: string };
  deadline: string | null;
  /** A sent notice has not reached the employee yet (待送达): nothing runs until it does. */
  deliveryPending: boolean;
  exitDate: string | null;
  createdAt: string;
}

/** The return-to-work notices as the employee reads them, and whether they may still answer. */
export interface NoticeView {
  processId: string;
  employeeName: string;
  state: string;
  canAnswer: boolean;
  today: string;
  notices: { kind: string; title: string; paragraphs: string[]; sentAt: string; deadline: string | null; deliveredOn: string | null; readAt: string | null; answer: string | null; answerReturnOn: string | null; documentUrl: string }[];
  /** 「我已离职」 may be confirmed as a written resignation (第三十七条) on the sign page. */
  canConfirmResignation: boolean;
  /** The signed resignation, once confirmed. */
  resignationSignedUrl: string | null;
}

/** One leaver's checklist item (离职事项) with its legal deadline. */
export interface ExitTaskView {
  id: string;
  processId: string;
  employeeId: string;
  kind: string;
  title: string;
  legalBasis: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  state: string;
  overdue: boolean;
  ownerId: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  doneAt: string | null;
  doneByName: string | null;
  note: string | null;
}

/** An item of HR's open checklist across cases (GET /exit-tasks): the task and whose exit it is. */
export interface ExitTaskListItem extends ExitTaskView {
  employeeName: string;
}

/** How a notice went out: by chat (delivery, deliveredAt, readAt from the platform) or recorded by HR (reference, sentOn, deliveredOn, recordedBy for EMS, SMS, other). */
export interface ExitChannelView {
  channel: string;
  label: string;
  delivery?: string;
  deliveredAt?: string | null;
  readAt?: string | null;
  reference?: string;
  sentOn?: string;
  /** EMS 妥投 / SMS delivery day, when recorded. */
  deliveredOn?: string | null;
  recordedBy?: string;
}

/** One step of a case (notice, union notification, certificate…) with its delivery, read and answer state. */
export interface ExitStepView {
  kind: string;
  label: string;
  documentSha256: string | null;
  deadline: string | null;
  sentAt: string | null;
  sentByName: string | null;
  channels: ExitChannelView[];
  /** '待送达' or '已送达（day，proof）' for notices; null for other steps. */
  delivery: string | null;
  deliveredOn: string | null;
  readAt: string | null;
  /** 'RETURN' or 'RESIGNED' once the employee answered a return-to-work notice. */
  answer: string | null;
  answerReturnOn: string | null;
  answerNote: string | null;
  answeredAt: string | null;
  notifiedOn: string | null;
  unionReply: string | null;
  notifiedBody: string | null;
  companyAnswer: string | null;
  companyAnsweredOn: string | null;
}

export type ExitAction = 'sendNotice' | 'recordChannel' | 'recordUnion' | 'recordUnionAnswer' | 'requestTermination' | 'markReturned' | 'acceptResignation' | 'completeExit' | 'issueCertificate';

/** One exit case for its page (GET /exits/:id); an employee sees only their notices, HR everything. */
export interface ExitDetailView extends ExitRowView {
  employeeStatus: string;
  reason: string | null;
  note: string | null;
  absentDays: number | null;
  noticeDays: number | null;
  approval: { id: string; status: string; title: string } | null;
  steps: ExitStepView[];
  documents: { kind: string; label: string; sha256: string; url: string }[];
  tasks: ExitTaskView[];
  timeline: { at: string; type: string; label: string; actorName: string; data: unknown }[];
  /** HR only: which actions are open now. */
  actions: Record<ExitAction, boolean> | null;
  evidencePackUrl: string | null;
}
