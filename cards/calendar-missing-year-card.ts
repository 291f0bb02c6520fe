// 放假安排未公布: the State Council's notice for a year (published each November) is neither in
// chinese-days nor imported. The year's fixed holidays (全国年节及纪念日放假办法) are counted; its 调休
// and 补休 are not, so every date of that year (absences, 民法典 第二百零三条 deadlines) may move.
import { calendarCaveat } from '../src/domain/calendar/calendar-caveat.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const CALENDAR_MISSING_YEAR_CARD = 'calendar.missing_year';

/**
 * @example
 *   buildCalendarMissingYearCard({ year: 2027, key: 'cal-2027-wecom', h5Url })
 */
export function buildCalendarMissingYearCard(opts: { year: number; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  return {
    type: CALENDAR_MISSING_YEAR_CARD,
    key: opts.key,
    title: `${opts.year}年放假安排未公布`,
    subtitle: `${calendarCaveat([opts.year])}：法定节假日已计入，调休和补休待国务院通知发布后导入`,
    tone: 'urgent',
    rows: [
      { label: '年份', value: `${opts.year}年` },
      { label: '处理方式', value: '通知发布后，在「节假日安排」页面粘贴通知全文导入' },
    ],
    legalBasis: '依据《全国年节及纪念日放假办法》；期限顺延见《民法典》第二百零三条',
    buttons: [{ kind: 'link', text: '导入通知', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
