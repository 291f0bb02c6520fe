// An absence case as GET /api/v1/absence-cases lists it (the server's own type), and the words
// the H5 uses for its states.
import type { AbsenceCaseView } from '../domain/attendance/absence-case-view-types.ts';

export type AbsenceCaseItem = AbsenceCaseView;

export const absenceStateLabels: Record<string, string> = {
  OPEN: '待联系',
  CONTACTED: '已联系',
  UNREACHABLE: '联系不上',
  CLOSED: '已结束',
};

export const absenceTriggerLabels: Record<string, string> = {
  attendance: '连续未打卡',
  insurance_stopped: '社保被停缴',
};
