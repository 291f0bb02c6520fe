// `sentinel calc back-pay …` and `sentinel calc exposure …`: the money calculator from the
// terminal. Arguments are checked before anything opens; every refusal names the argument and
// exits 1. Both commands only read.
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { dayIn, isValidDay } from '../domain/dates.ts';
import { yuanToFen } from '../domain/money.ts';
import { isValidMonth } from '../domain/money/months.ts';
import { AppError } from '../errors.ts';
import { calculateBackPay, type BackPaySubject } from '../services/money/calculate-back-pay.ts';
import { estimateExposure } from '../services/money/estimate-exposure.ts';
import { formatBackPay, formatExposure } from './money-format.ts';
import { writeBackPayPdfs } from './write-back-pay-pdfs.ts';
import type { CommandContext } from './setup-commands.ts';

const actor = systemActor('cli', '命令行');

/** Service error fields → the flag a person typed. */
const FLAGS: Record<string, string> = { from: '--from', to: '--to', city: '--city', employee: '--employee', wage: '--wage', asOf: '--as-of' };

interface BackPayOpts { employee?: string; city?: string; wage?: string; from?: string; to?: string; payOn?: string; json?: boolean; pdf?: string; reason?: string }

/** The subject and range, or the Chinese message naming the first bad argument. */
export function parseBackPayArgs(o: BackPayOpts): { subject: BackPaySubject; from: string; to: string; payOn: string } | string {
  if (o.employee !== undefined && (o.city !== undefined || o.wage !== undefined)) return '--employee 与 --city/--wage 只能选一种：按员工测算用 --employee <工号>，按工资测算用 --city <城市> --wage <元>';
  if (o.employee === undefined && o.city === undefined) return '--employee 或 --city 未填写：请用 --employee <工号> 指定员工，或用 --city <城市> --wage <元> 输入工资';
  if (o.city !== undefined && o.city.trim() === '') return '--city 不能为空，请填写参保城市，如 上海';
  let subject: BackPaySubject;
  if (o.employee !== undefined) subject = { employeeNo: o.employee.trim() };
  else {
    if (o.wage === undefined) return '--wage 未填写：请填写月工资（元），如 --wage 8000';
    const wageFen = yuanToFen(o.wage);
    if (wageFen === undefined || wageFen <= 0) return `--wage ${o.wage} 不是有效的金额：请填写以元为单位的月工资，如 8000 或 8000.50`;
    subject = { city: (o.city as string).trim(), wageFen };
  }
  for (const [flag, value] of [['--from', o.from], ['--to', o.to]] as const) {
    if (value === undefined) return `${flag} 未填写：请填写月份，如 ${flag} 2025-05`;
    if (!isValidMonth(value)) return `${flag} ${value} 不是有效的月份：请写成 YYYY-MM，如 2025-05`;
  }
  if (o.payOn === undefined) return '--pay-on 未填写：请填写补缴日期，如 --pay-on 2025-06-11';
  if (!isValidDay(o.payOn)) return `--pay-on ${o.payOn} 不是有效的日期：请写成 YYYY-MM-DD，如 2025-06-11`;
  if (o.pdf !== undefined && o.employee === undefined) return '--pdf 需要 --employee <工号>：文书会存入该员工的证据记录，按工资测算时不能生成';
  if (o.pdf !== undefined && o.pdf.trim() === '') return '--pdf 不能为空，请填写保存文书的目录，如 --pdf ./文书';
  if (o.reason !== undefined && (o.reason.trim() === '' || o.reason.length > 200)) return '--reason 应为 1–200 字的补缴原因，如 --reason 入职时未及时增员';
  if ((o.from as string) > (o.to as string)) return `--from ${o.from} 晚于 --to ${o.to}：请调换或改正月份`;
  return { subject, from: o.from as string, to: o.to as string, payOn: o.payOn };
}

function refuse(ctx: CommandContext, err: unknown): void {
  if (!(err instanceof AppError)) throw err;
  const field = (err.details as { field?: string } | undefined)?.field;
  ctx.io.err.write(`${field && FLAGS[field] ? `${FLAGS[field]}：` : ''}${err.message}\n`);
  ctx.setExitCode(1);
}

export function registerCalcCommands(program: Command, ctx: CommandContext): void {
  const calc = program.command('calc').description('back-pay and exposure calculator (amounts in fen with --json)');
  calc
    .command('back-pay')
    .description('contributions and late fees for a range of months paid on a day')
    .option('--employee <no>', 'employee number (工号): wage and insured city from the roster')
    .option('--city <city>', 'insured city, with --wage')
    .option('--wage <yuan>', 'monthly wage in yuan, with --city')
    .option('--from <YYYY-MM>', 'first month')
    .option('--to <YYYY-MM>', 'last month')
    .option('--pay-on <YYYY-MM-DD>', 'the day the back-payment is made')
    .option('--json', 'print JSON (amounts in fen)')
    .option('--pdf <dir>', 'also write 社保补缴申报表, 说明函 and 跨年补缴影响说明 into dir (with --employee; each ledgered under the employee)')
    .option('--reason <text>', 'why the months were missed, for the 说明函')
    .action(async (opts: BackPayOpts) => {
      const args = parseBackPayArgs(opts);
      if (typeof args === 'string') {
        ctx.io.err.write(`${args}\n`);
        return ctx.setExitCode(1);
      }
      await ctx.withRuntime(async (rt) => {
        try {
          const r = await calculateBackPay(rt.deps, { actor, ...args });
          ctx.io.out.write(opts.json ? `${JSON.stringify(r, null, 2)}\n` : formatBackPay(r));
          if (opts.json) for (const w of r.warnings) ctx.io.err.write(`${w}\n`);
          if (opts.pdf !== undefined && 'employeeNo' in args.subject) {
            const paths = await writeBackPayPdfs(rt.deps, { actor, dir: opts.pdf, employee: args.subject, from: args.from, to: args.to, payOn: args.payOn, reason: opts.reason?.trim() ?? null });
            (opts.json ? ctx.io.err : ctx.io.out).write(paths.map((p) => `已生成：${p}\n`).join(''));
          }
        } catch (err) {
          refuse(ctx, err);
        }
      });
    });
  calc
    .command('exposure')
    .description("an employee's arrears, late fees, fines and compensation as of a day")
    .option('--employee <no>', 'employee number (工号)')
    .option('--as-of <YYYY-MM-DD>', 'the day (default: today in BUSINESS_TZ)')
    .option('--json', 'print JSON (amounts in fen)')
    .action(async (opts: { employee?: string; asOf?: string; json?: boolean }) => {
      if (opts.employee === undefined || opts.employee.trim() === '') {
        ctx.io.err.write('--employee 未填写：请填写员工工号，如 --employee E0001\n');
        return ctx.setExitCode(1);
      }
      if (opts.asOf !== undefined && !isValidDay(opts.asOf)) {
        ctx.io.err.write(`--as-of ${opts.asOf} 不是有效的日期：请写成 YYYY-MM-DD，如 2026-12-07\n`);
        return ctx.setExitCode(1);
      }
      const asOf = opts.asOf ?? dayIn(ctx.config.BUSINESS_TZ, new Date());
      await ctx.withRuntime(async (rt) => {
        try {
          const x = await estimateExposure(rt.deps, { actor, employee: { employeeNo: opts.employee!.trim() }, asOf });
          ctx.io.out.write(opts.json ? `${JSON.stringify(x, null, 2)}\n` : formatExposure(x));
          if (opts.json) for (const w of x.arrears.warnings) ctx.io.err.write(`${w}\n`);
        } catch (err) {
          refuse(ctx, err);
        }
      });
    });
}
