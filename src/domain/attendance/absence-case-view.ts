// An absence case as GET /absence-cases(/:id) answers it; the H5's 缺勤确认 page reads the same type.
export interface AbsenceCaseView {
  id: string;
  employee: { id: string; name: string; employeeNo: string };
  trigger: string;
  /** OPEN, CONTACTED, UNREACHABLE or CLOSED. */
  state: string;
  firstAbsentDay: string;
  absentDays: number;
  /** The absent workdays, 'YYYY-MM-DD', oldest first. */
  days: string[];
  /** 'YYYY-MM-DD HH:mm' in BUSINESS_TZ. */
  managerDueAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
}

/** The case's state as people read it. */
export const absenceStateLabels: Readonly<Record<string, string>> = {
  OPEN: '待上级答复',
  CONTACTED: '已联系上',
  UNREACHABLE: '无法联系，已转人事',
  CLOSED: '已返岗，已结束',
};
