// A parsed State Council notice as the statutory calendar rows it stands for.
import type { HolidayNotice } from './parse-holiday-notice.ts';
import type { CalendarOverride } from './work-calendar.ts';

export interface NoticeOverride extends CalendarOverride {
  /** The item's name, e.g. 春节 or 春节调休上班. */
  reason: string;
}

/** @example noticeOverrides(notice).find((o) => o.day === '2026-02-14') // { isWorkday: true, reason: '春节调休上班' } */
export function noticeOverrides(notice: HolidayNotice): NoticeOverride[] {
  return notice.items.flatMap((item) => [
    ...item.restDays.map((day) => ({ day, isWorkday: false, reason: `${item.name}放假` })),
    ...item.workdays.map((day) => ({ day, isWorkday: true, reason: `${item.name}调休上班` })),
  ]).sort((a, b) => (a.day < b.day ? -1 : 1));
}
