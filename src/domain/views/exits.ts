// The shapes /api/v1/exits answers with, shared by the services that build them and the H5 pages
// that show them (src/h5/exit-types.ts), so the two cannot drift apart. Types only: the H5 bundle
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
