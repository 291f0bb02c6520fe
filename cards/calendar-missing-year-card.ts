// 节假日数据缺失: chinese-days has no statutory holidays for a year (the State Council publishes
// them each November). Until the package is updated or HR enters the holidays as overrides, every
// workday count of that year (absences, 民法典 第二百零三条 deadlines) guesses Monday–Friday.
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
    title: `缺少 ${opts.year} 年节假日数据`,
    subtitle: `缺少 ${opts.year} 年法定节假日和调休数据，暂按周一至周五计算，缺勤与期限可能不准`,
    tone: 'urgent',
    rows: [
      { label: '年份', value: String(opts.year) },
      { label: '处理方式', value: '升级 chinese-days 或录入日历调整' },
    ],
    legalBasis: '依据《全国年节及纪念日放假办法》；期限顺延见《民法典》第二百零三条',
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
