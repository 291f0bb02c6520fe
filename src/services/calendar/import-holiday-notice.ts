// HR pastes the State Council's annual notice (国务院办公厅关于YYYY年部分节假日安排的通知); it becomes
// that year's statutory calendar: its holidays and 补休 as rest days, its 调休 weekends as working
// days, the year complete. A dry run shows what changes (days, and the open deadlines that move);
// applying writes the days, the notice, the moved exit-task due days and an audit event in one
// transaction, so a half-imported year never exists.
import type { Actor } from '../../domain/actor.ts';
import { noticeOverrides } from '../../domain/calendar/notice-overrides.ts';
import { parseHolidayNotice } from '../../domain/calendar/parse-holiday-notice.ts';
import { createLegalCalendar, type WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { addDays, parseDay } from '../../domain/dates.ts';
import { ENROLMENT_RULES_KEY, parseEnrolmentRules } from '../../domain/enrolment/enrolment-rules.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadStoredRules } from '../load-stored-rules.ts';
import { findMovedDeadlines, type MovedDeadline } from './find-moved-deadlines.ts';
import { loadWorkCalendar } from './load-work-calendar.ts';

export interface HolidayNoticePreview {
  year: number;
  title: string;
  holidays: { name: string; from: string; to: string; days: number }[];
  /** 调休 working days (weekends made working days). */
  workingDays: { name: string; day: string }[];
  /** Days whose legal status changes: 'YYYY-MM-DD' with before/after as 上班 / 休息. */
  changedDays: { day: string; before: string; after: string }[];
  movedDeadlines: MovedDeadline[];
  /** False for a dry run. */
  applied: boolean;
  /** True when a notice for the year was imported before (this one replaces it). */
  replaces: boolean;
}

const label = (workday: boolean) => (workday ? '上班' : '休息');

function changedDays(year: number, before: WorkCalendar, after: WorkCalendar): HolidayNoticePreview['changedDays'] {
  const changed: HolidayNoticePreview['changedDays'] = [];
  for (let d = `${year - 1}-12-01`; d <= `${year + 1}-01-31`; d = addDays(d, 1)) {
    if (before.isWorkday(d) !== after.isWorkday(d)) changed.push({ day: d, before: label(before.isWorkday(d)), after: label(after.isWorkday(d)) });
  }
  return changed;
}

/**
 * @example
 *   await importHolidayNotice(deps, { actor, text, dryRun: true })  // → preview, nothing written
 *   await importHolidayNotice(deps, { actor, text, dryRun: false }) // → applied: true
 */
export async function importHolidayNotice(deps: ServiceDeps, o: { actor: Actor; text: string; year?: number; dryRun: boolean }): Promise<HolidayNoticePreview> {
  authorize(o.actor, 'calendar.manage');
  const parsed = parseHolidayNotice(o.text, o.year);
  if (!parsed.ok) throw new AppError('validation_failed', `无法读取放假安排通知：${parsed.errors.join('；')}`, { errors: parsed.errors });
  const { notice } = parsed;
  const rows = noticeOverrides(notice);
  return deps.db.$transaction(async (tx) => {
    // One import at a time: the advisory lock serializes concurrent imports across instances.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('calendar.notice_import'))`;
    const before = await loadWorkCalendar(tx, { purpose: 'legal', missingYear: 'before the import' });
    const current = await tx.workCalendarOverride.findMany({ where: { kind: 'STATUTORY' }, select: { day: true, isWorkday: true, source: true } });
    const kept = current.filter((r) => r.source !== notice.title && !rows.some((n) => parseDay(n.day).getTime() === r.day.getTime()));
    const notices = await tx.holidayNotice.findMany({ select: { year: true } });
    const after = createLegalCalendar({
      statutory: [...kept.map((r) => ({ day: r.day.toISOString().slice(0, 10), isWorkday: r.isWorkday })), ...rows],
      noticeYears: [...notices.map((n) => n.year), notice.year],
    });
    const rules = await loadStoredRules(tx, { key: ENROLMENT_RULES_KEY, parse: parseEnrolmentRules, invalid: 'enrolment rules in AppMeta are invalid; using the defaults' });
    const preview: HolidayNoticePreview = {
      year: notice.year,
      title: notice.title,
      holidays: notice.items.map((i) => ({ name: i.name, from: i.restDays[0] as string, to: i.restDays[i.restDays.length - 1] as string, days: i.restDays.length })),
      workingDays: notice.items.flatMap((i) => i.workdays.map((day) => ({ name: i.name, day }))),
      changedDays: changedDays(notice.year, before, after),
      movedDeadlines: await findMovedDeadlines(tx, { rules, before, after }),
      applied: !o.dryRun,
      replaces: notices.some((n) => n.year === notice.year),
    };
    if (o.dryRun) return preview;
    await tx.workCalendarOverride.deleteMany({ where: { kind: 'STATUTORY', OR: [{ source: notice.title }, { day: { in: rows.map((r) => parseDay(r.day)) } }] } });
    await tx.workCalendarOverride.createMany({ data: rows.map((r) => ({ day: parseDay(r.day), kind: 'STATUTORY' as const, isWorkday: r.isWorkday, reason: r.reason, source: notice.title })) });
    await tx.holidayNotice.upsert({
      where: { year: notice.year },
      create: { year: notice.year, title: notice.title, text: o.text, importedBy: o.actor.name },
      update: { title: notice.title, text: o.text, importedBy: o.actor.name, importedAt: new Date() },
    });
    for (const m of preview.movedDeadlines) if (m.taskId) await tx.exitTask.update({ where: { id: m.taskId }, data: { dueOn: parseDay(m.after) } });
    await writeAuditEvent(tx, o.actor, {
      type: 'calendar.notice_imported',
      data: { year: notice.year, title: notice.title, restDays: rows.filter((r) => !r.isWorkday).length, workdays: rows.filter((r) => r.isWorkday).length, movedDeadlines: preview.movedDeadlines.length },
    }, { type: 'company', id: `calendar:${notice.year}` });
    return preview;
  }, { timeout: 60_000 });
}
