// `sentinel report monthly --month YYYY-MM --out file.xlsx`: the monthly report (社保合规月报) as
// the Excel workbook the dashboard offers, for the whole company with amounts (the CLI acts as
// the system). Arguments are checked before anything opens, and the file is written only once
// the workbook is complete; every refusal names the argument and exits 1.
import { access, constants, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { isValidMonth } from '../domain/money/months.ts';
import { AppError } from '../errors.ts';
import { buildMonthlyReportWorkbook } from '../services/kpi/build-monthly-report-workbook.ts';
import type { CommandContext } from './setup-commands.ts';

interface MonthlyOpts { month?: string; out?: string }

/** The month and the absolute output path, or the Chinese message naming the bad argument. */
export async function parseMonthlyReportArgs(o: MonthlyOpts): Promise<{ month: string; out: string } | string> {
  if (o.month === undefined) return '--month 未填写：请填写月份，如 --month 2026-12';
  if (!isValidMonth(o.month)) return `--month ${o.month} 不是有效的月份：请写成 YYYY-MM，如 2026-12`;
  if (o.out === undefined || o.out.trim() === '') return '--out 未填写：请填写要保存的文件，如 --out 社保合规月报-2026-12.xlsx';
  if (!o.out.toLowerCase().endsWith('.xlsx')) return `--out ${o.out} 应以 .xlsx 结尾：月报是 Excel 文件`;
  const out = resolve(o.out);
  const dir = await stat(dirname(out)).catch(() => null);
  if (!dir?.isDirectory()) return `--out ${o.out}：目录 ${dirname(out)} 不存在，请先创建或换一个目录`;
  if (await access(dirname(out), constants.W_OK).then(() => false, () => true)) return `--out ${o.out}：没有写入目录 ${dirname(out)} 的权限，请换一个目录`;
  if ((await stat(out).catch(() => null))?.isDirectory()) return `--out ${o.out} 是一个目录：请写上文件名，如 ${o.out}/社保合规月报-${o.month}.xlsx`;
  return { month: o.month, out };
}

export function registerReportCommands(program: Command, ctx: CommandContext): void {
  const report = program.command('report').description('reports');
  report
    .command('monthly')
    .description('write the monthly compliance report (社保合规月报) of a month as an Excel workbook')
    .option('--month <YYYY-MM>', 'the month reported (not in the future)')
    .option('--out <file.xlsx>', 'where to write the workbook')
    .action(async (opts: MonthlyOpts) => {
      const args = await parseMonthlyReportArgs(opts);
      if (typeof args === 'string') {
        ctx.io.err.write(`${args}\n`);
        return ctx.setExitCode(1);
      }
      await ctx.withRuntime(async (rt) => {
        try {
          const workbook = await buildMonthlyReportWorkbook(rt.deps, { actor: systemActor('cli', '命令行'), month: args.month });
          await writeFile(args.out, Buffer.from(await workbook.xlsx.writeBuffer()));
          ctx.io.out.write(`已写入 ${args.out}\n`);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          ctx.io.err.write(`--month ${args.month}：${err.message}\n`);
          ctx.setExitCode(1);
        }
      });
    });
}
