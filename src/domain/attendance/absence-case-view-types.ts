// One absence case as GET /api/v1/absence-cases lists it, shared by the service that builds it
// (src/services/absence/list-absence-cases.ts) and the H5 pages that show it. Types only.

export interface AbsenceCaseView {
  id: string;
  employee: { id: string; name: string; employeeNo: string };
  /** 'attendance' (连续未打卡) | 'insurance_stopped' (社保被停缴) */
  trigger: string;
  /** 'OPEN' | 'CONTACTED' | 'UNREACHABLE' | 'CLOSED' */
  state: string;
  firstAbsentDay: string;
  absentDays: number;
  days: string[];
  managerDueAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
}
