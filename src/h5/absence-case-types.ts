// An absence case as GET /api/v1/absence-cases lists it (src/services/absence/list-absence-cases.ts),
// and the words the H5 uses for its states.
export interface AbsenceCaseItem {
  id: string;
  employee: { id: string; name: string; employeeNo: string };
  trigger: string;
  state: 'OPEN' | 'CONTACTED' | 'UNREACHABLE' | 'CLOSED';
  firstAbsentDay: string;
  absentDays: number;
  days: string[];
  managerDueAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
}

export const absenceStateLabels: Record<AbsenceCaseItem['state'], string> = {
  OPEN: '待联系',
  CONTACTED: '已联系',
  UNREACHABLE: '联系不上',
  CLOSED: '已结束',
};

export const absenceTriggerLabels: Record<string, string> = {
  attendance: '连续未打卡',
  insurance_stopped: '社保被停缴',
};
