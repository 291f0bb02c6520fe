// Reads the text of the State Council's annual notice (国务院办公厅关于××××年部分节假日安排的通知)
// into rest days and 调休 working days. Each numbered item reads like
//   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。…
//   一、元旦：1月1日（周三）放假1天，不调休。
// Parenthesised weekdays and lunar dates are ignored; 共N天 is checked against the range, so a
// mistyped range is caught before it moves any deadline.
import { addDays, isValidDay } from '../dates.ts';

export interface NoticeItem {
  /** 元旦, 春节, 国庆节、中秋节 … */
  name: string;
  restDays: string[];
  workdays: string[];
}

export interface HolidayNotice {
  year: number;
  title: string;
  items: NoticeItem[];
}

export type ParseNoticeResult = { ok: true; notice: HolidayNotice } | { ok: false; errors: string[] };

const ITEM_START = /^[一二三四五六七八九十]+、/;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;

/** Full-width digits and punctuation as pasted from some pages become the plain ones. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[(]/g, '（').replace(/[)]/g, '）').replace(/:/g, '：').replace(/,/g, '，').replace(/\r/g, '')
    // Text copied from a web page may come as one line: each numbered item starts its own.
    .replace(/。\s*([一二三四五六七八九十]+、)/g, '。\n$1');
}

interface DateContext { year: number; month?: number }

/** Every `[YYYY年][M月]D日` in `text`, each inheriting the year and month before it. */
function datesIn(text: string, ctx: DateContext): (string | undefined)[] {
  const days: (string | undefined)[] = [];
  for (const m of text.matchAll(DATE)) {
    if (m[1]) ctx.year = Number(m[1]);
    if (m[2]) ctx.month = Number(m[2]);
    if (ctx.month === undefined) { days.push(undefined); continue; }
    const day = `${ctx.year}-${String(ctx.month).padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
    days.push(isValidDay(day) ? day : undefined);
  }
  return days;
}

function daysFromTo(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length < 40; d = addDays(d, 1)) days.push(d);
  return days;
}

function parseItem(line: string, year: number, errors: string[]): NoticeItem | undefined {
  const colon = line.indexOf('：');
  const name = line.slice(line.indexOf('、') + 1, colon < 0 ? undefined : colon).trim();
  const body = (colon < 0 ? '' : line.slice(colon + 1)).replace(/（[^）]*）/g, '');
  const item: NoticeItem = { name, restDays: [], workdays: [] };
  const fail = (why: string) => { errors.push(`「${name || line.slice(0, 12)}」${why}，请核对通知原文`); };
  for (const sentence of body.split('。')) {
    const ctx: DateContext = { year };
    if (sentence.includes('放假')) {
      const range = sentence.slice(0, sentence.indexOf('放假'));
      const [from, to = from] = range.split('至').flatMap((part) => datesIn(part, ctx));
      if (!from || !to || to < from) return void fail('的放假日期无法识别');
      item.restDays = daysFromTo(from, to);
      const stated = /(?:共|放假)(\d+)天/.exec(sentence);
      if (stated && Number(stated[1]) !== item.restDays.length) return void fail(`写明共${stated[1]}天，但${from}至${to}是${item.restDays.length}天`);
    } else if (sentence.includes('上班')) {
      const days = datesIn(sentence.slice(0, sentence.lastIndexOf('上班')), ctx);
      if (days.length === 0 || days.some((d) => !d)) return void fail('的上班日期无法识别');
      item.workdays.push(...(days as string[]));
    }
  }
  if (item.restDays.length === 0) return void fail('没有找到放假日期');
  return item;
}

/**
 * @example
 *   parseHolidayNotice('国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。')
 *   // → { ok: true, notice: { year: 2026, items: [{ name: '元旦', restDays: ['2026-01-01', '2026-01-02', '2026-01-03'], workdays: ['2026-01-04'] }] } }
 */
export function parseHolidayNotice(raw: string, yearHint?: number): ParseNoticeResult {
  const text = normalize(raw);
  const titled = /关于(\d{4})年部分节假日安排的通知/.exec(text);
  const year = titled ? Number(titled[1]) : yearHint;
  if (!year) return { ok: false, errors: ['没有找到年份：请粘贴包括标题「国务院办公厅关于YYYY年部分节假日安排的通知」在内的全文，或指定年份'] };
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const errors: string[] = [];
  const items = lines.filter((l) => ITEM_START.test(l)).map((l) => parseItem(l, year, errors)).filter((i): i is NoticeItem => i !== undefined);
  if (items.length === 0 && errors.length === 0) errors.push('没有找到「一、元旦：……」这样的放假安排条目，请粘贴通知全文');
  const rest = new Set(items.flatMap((i) => i.restDays));
  for (const day of items.flatMap((i) => i.workdays)) if (rest.has(day)) errors.push(`${day} 同时出现在放假和上班日期中，请核对通知原文`);
  const outside = items.flatMap((i) => [...i.restDays, ...i.workdays]).filter((d) => Math.abs(Number(d.slice(0, 4)) - year) > 1);
  if (outside.length > 0) errors.push(`${outside[0]} 不在${year}年前后，请核对通知原文`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, notice: { year, title: titled ? `国务院办公厅关于${year}年部分节假日安排的通知` : `${year}年部分节假日安排`, items } };
}
