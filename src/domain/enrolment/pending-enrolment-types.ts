// One row of HR's 待增员 list as GET /api/v1/enrolment/pending returns it, shared by the service
// that builds it and the H5 page that shows it. Types only: the H5 bundle gains no code from here.

export interface PendingEnrolment {
  employeeId: string;
  employeeNo: string;
  name: string;
  department: string;
  statusLabel: string;
  startDate: string;
  /** The day the 30 days run from (the start date, or a lapsed exception's restart day). */
  clockStart: string;
  legalDeadline: string;
  /** The city's earlier monthly cut-off, when there is one. */
  practicalDeadline: string | null;
  /** Calendar days to the legal deadline; negative when overdue. */
  daysLeft: number;
  overdue: boolean;
}

export interface PendingEnrolmentList {
  today: string;
  items: PendingEnrolment[];
  legalBasis: string;
}
