// The State Council notice read into statutory days, checked day by day against the published
// data of chinese-days, and the fixed holidays of 全国年节及纪念日放假办法 for years without a notice.
import chineseDays from 'chinese-days';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarCaveat } from '../../src/domain/calendar/calendar-caveat.ts';
import { emptyOfficialCalendar } from '../../src/domain/calendar/official-calendar.ts';
import { noticeOverrides } from '../../src/domain/calendar/notice-overrides.ts';
import { parseHolidayNotice } from '../../src/domain/calendar/parse-holiday-notice.ts';
import { fixedStatutoryHolidays } from '../../src/domain/calendar/statutory-holidays.ts';
import { createLegalCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { addDays } from '../../src/domain/dates.ts';

const notice = (year: number) => readFileSync(`test/fixtures/holiday-notice-${year}.txt`, 'utf8');

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('parseHolidayNotice', () => {
  it.each([2025, 2026])('reads the %i notice into a calendar equal to the package, day by day', (year) => {
    const parsed = parseHolidayNotice(notice(year));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(parsed.notice.year).toBe(year);
    const imported = createLegalCalendar({ official: emptyOfficialCalendar, statutory: noticeOverrides(parsed.notice), noticeYears: [year] });
    const differences = daysOf(year).filter((d) => imported.isWorkday(d) !== chineseDays.isWorkday(d));
    expect(differences).toEqual([]);
    expect(imported.missingYears.size).toBe(0);
  });

  it('lists the 2026 holidays and working weekends', () => {
    const parsed = parseHolidayNotice(notice(2026));
    if (!parsed.ok) throw new Error('not parsed');
    const spring = parsed.notice.items.find((i) => i.name === '春节');
    expect(spring?.restDays).toHaveLength(9);
    expect(spring?.workdays).toEqual(['2026-02-14', '2026-02-28']);
    expect(parsed.notice.items.map((i) => i.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
  });

  it('reads a copy pasted as one line with half-width punctuation', () => {
    const oneLine = notice(2026).replaceAll('\n', ' ').replaceAll('（', '(').replaceAll('）', ')').replaceAll('，', ',').replaceAll('：', ':');
    const parsed = parseHolidayNotice(oneLine);
    expect(parsed.ok && parsed.notice.items.flatMap((i) => i.restDays)).toHaveLength(33);
  });

  it('refuses a range that contradicts its 共N天, naming the item', () => {
    const parsed = parseHolidayNotice(notice(2026).replace('至7日（周三）放假调休，共7天', '至8日（周四）放假调休，共7天'));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toContain('国庆节');
  });

  it('asks for the year when the title is missing', () => {
    const parsed = parseHolidayNotice('一、元旦：1月1日放假，共1天。');
    expect(!parsed.ok && parsed.errors[0]).toContain('年份');
    expect(parseHolidayNotice('一、元旦：1月1日放假，共1天。', 2027).ok).toBe(true);
  });

  it('refuses text with no holiday items', () => {
    const parsed = parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知\n全文见附件');
    expect(!parsed.ok && parsed.errors[0]).toContain('一、元旦');
  });
});

describe('fixed statutory holidays (全国年节及纪念日放假办法, 2025 revision)', () => {
  it.each([2025, 2026])('are all holidays in the published %i calendar', (year) => {
    for (const h of fixedStatutoryHolidays(year)) expect(chineseDays.isHoliday(h.day), `${h.day} ${h.name}`).toBe(true);
  });

  it('knows 2027 from the lunar calendar and the solar terms: 13 days', () => {
    expect(fixedStatutoryHolidays(2027).map((h) => `${h.day} ${h.name}`)).toEqual([
      '2027-01-01 元旦', '2027-02-05 春节', '2027-02-06 春节', '2027-02-07 春节', '2027-02-08 春节', '2027-04-05 清明节',
      '2027-05-01 劳动节', '2027-05-02 劳动节', '2027-06-09 端午节', '2027-09-15 中秋节', '2027-10-01 国庆节', '2027-10-02 国庆节', '2027-10-03 国庆节',
    ]);
  });

  it('makes a year without the notice incomplete, however many company days it has', () => {
    const calendar = createLegalCalendar();
    expect(calendar.isWorkday('2027-01-01')).toBe(false);
    expect(calendar.isWorkday('2027-02-09')).toBe(true);
    expect(calendar.isYearComplete(2027)).toBe(false);
    expect(calendarCaveat([2027])).toBe('2027年放假安排未公布，日期可能顺延');
  });
});
