// The calendar year the ranking and the export cover, as instants: 1 January 00:00 to the next
// 1 January 00:00 in BUSINESS_TZ (Asia/Shanghai), so an award at 23:30 on 31 December stays in its year.
import { startOfDayIn } from '../../domain/dates.ts';

export const yearBounds = (tz: string, year: number) => ({ from: startOfDayIn(tz, `${year}-01-01`), to: startOfDayIn(tz, `${year + 1}-01-01`) });
