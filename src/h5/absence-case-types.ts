// An absence case as GET /api/v1/absence-cases lists it (the server's own type), and the short
// words the H5's tabs and tags use for its states (the case page uses the longer domain labels).
import type { AbsenceCaseView } from '../domain/attendance/absence-case-view.ts';

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
