// `sentinel calendar import-notice <file.txt> [--dry-run] [--year YYYY]`: the State Council's
// annual holiday notice, read from a UTF-8 text file into the statutory calendar.
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { AppError } from '../errors.ts';
import { importHolidayNotice, type HolidayNoticePreview } from '../services/calendar/import-holiday-notice.ts';
import { readTextFile } from './read-text-file.ts';
import type { CommandContext } from './setup-commands.ts';

/** The preview as a person reads it: holidays, working weekends, the days and deadlines that move. */
export function formatNoticePreview(p: HolidayNoticePreview): string {
  const lines = [
    `${p.title}${p.replaces ? '（替换此前导入的同年通知）' : ''}`,
    '放假：',
    ...p.holidays.map((h) => `  ${h.name} ${h.from} 至 ${h.to}，共${h.days}天`),
    `调休上班：${p.workingDays.length > 0 ? p.workingDays.map((w) => `${w.day}（${w.name}）`).join('、') : '无'}`,
    `法定日历变化：${p.changedDays.length > 0 ? p.changedDays.map((c) => `${c.day} ${c.before}→${c.after}`).join('、') : '无（与现有数据一致）'}`,
    `顺延或提前的未办期限：${p.movedDeadlines.length > 0 ? '' : '无'}`,
    ...p.movedDeadlines.map((m) => `  ${m.employeeName} ${m.what}：${m.before} → ${m.after}`),
    p.applied ? `已导入：${p.year}年放假安排已生效。` : '试运行，未写入任何数据。确认无误后去掉 --dry-run 再运行一次。',
  ];
  return `${lines.join('\n')}\n`;
}

export function registerCalendarCommands(program: Command, ctx: CommandContext): void {
  program
    .command('calendar')
    .description('the statutory and company calendar')
    .command('import-notice <file>')
    .description('import the State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知, full text, UTF-8) as that year\'s statutory calendar')
    .option('--dry-run', 'show what would change, write nothing')
    .option('--year <year>', 'the year, when the text has no title')
    .action(async (file: string, opts: { dryRun?: boolean; year?: string }) => {
      const text = await readTextFile(file, ctx.io);
      if (text === undefined) return ctx.setExitCode(1);
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
        ctx.io.err.write('--year 应为 2000–2100 之间的年份\n');
        return ctx.setExitCode(1);
      }
      await ctx.withRuntime(async (rt) => {
        try {
          const preview = await importHolidayNotice(rt.deps, { actor: systemActor('cli', '命令行'), text, year, dryRun: opts.dryRun === true });
          ctx.io.out.write(formatNoticePreview(preview));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          ctx.io.err.write(`${err.message}\n`);
          ctx.setExitCode(1);
        }
      });
    });
}
