// `sentinel report monthly --month YYYY-MM --out file.xlsx` in-process against a real database: the
// workbook written holds the dashboard's figures; bad arguments exit 1 with a Chinese message
// naming the argument and write nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { MONTHLY_REPORT_SHEETS } from '../../src/documents/kpi/monthly-report-workbook.ts';
import { getDashboard } from '../../src/services/kpi/get-dashboard.ts';
import { inProcessCli } from '../helpers/in-process-cli.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedKpiRoster } from '../kpi/dashboard-kit.ts';

const t = await createTestDb();
const dir = mkdtempSync(join(tmpdir(), 'report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: t.url, DATA_DIR: dir, SCHEDULER: 'off', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'a'.repeat(32), SENTINEL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
const cli = inProcessCli(env);

beforeAll(async () => {
  await seedKpiRoster(t);
});

describe('sentinel report monthly', () => {
  it('writes the workbook of the month, prints the path, and its figures are the dashboard\'s', async () => {
    const out = join(dir, '十一月.xlsx');
    const r = await cli('report', 'monthly', '--month', '2026-11', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`已写入 ${out}\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...MONTHLY_REPORT_SHEETS]);
    const d = await getDashboard(t.deps, { actor: systemActor('test'), month: '2026-11', departmentId: null });
    const overview = wb.getWorksheet('概览')!;
    const row = overview.getSheetValues().find((v) => Array.isArray(v) && v[1] === '社保缴纳及时率') as ExcelJS.CellValue[];
    expect(row.slice(2, 5)).toEqual([0.4, 1, -0.6]);
    expect(overview.getCell('B3').value).toEqual(new Date('2026-11-30T00:00:00Z'));
    // The CLI acts as the system: amounts are in.
    const amount = wb.getWorksheet('补缴')!.getRow(6).getCell(2).value;
    expect(amount).toBe((d.backPay.amountFen as number) / 100);
  });

  it('refuses a bad month or an unwritable path with exit 1, naming the argument, and writes nothing', async () => {
    const out = join(dir, 'bad.xlsx');
    const cases: [string[], string][] = [
      [['--month', '2026-13', '--out', out], '--month 2026-13 不是有效的月份'],
      [['--month', '2026/11', '--out', out], '--month 2026/11 不是有效的月份'],
      [['--out', out], '--month 未填写'],
      [['--month', '2026-11'], '--out 未填写'],
      [['--month', '2026-11', '--out', join(dir, 'no-such-dir', 'x.xlsx')], '不存在'],
      [['--month', '2026-11', '--out', dir], '--out'],
      [['--month', '2026-11', '--out', join(dir, 'report.csv')], '应以 .xlsx 结尾'],
      [['--month', '2099-01', '--out', out], '还没有到'],
    ];
    for (const [args, message] of cases) {
      const r = await cli('report', 'monthly', ...args);
      expect(r, args.join(' ')).toMatchObject({ code: 1, out: '', err: expect.stringContaining(message) });
      expect(r.err).not.toContain('error:');
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'report.csv'))).toBe(false);
  });
});
