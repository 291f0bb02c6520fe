// `sentinel policy import|list` and `sentinel calc back-pay|exposure` in-process against a real
// database, plus one run of the real binary: a user's own policy file imported, then computed to
// the fen; bad arguments exit 1 with a Chinese message naming the argument and write nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEmployee } from '../helpers/factories.ts';
import { inProcessCli } from '../helpers/in-process-cli.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const dir = mkdtempSync(join(tmpdir(), 'money-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: t.url, DATA_DIR: dir, SCHEDULER: 'off', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'a'.repeat(32), SENTINEL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };

const cli = inProcessCli(env);

const policyFile = join(dir, 'example.json');
const period = {
  from: '2025-01', to: null, baseFloorFen: 746000, baseCeilingFen: 3730200,
  rates: { pension: { employer: '0.16', employee: '0.08' } },
  rounding: 'fen', dueDay: 'last', lateFee: { method: 'daily', dailyRate: '0.0005', on: 'total' },
  averageMonthlyWageFen: 1243400, minimumWageFen: 274000, source: null, verified: false,
};
writeFileSync(policyFile, JSON.stringify({ city: '示例市', cityCode: '000000', periods: [period] }));

let employeeNo: string;
beforeAll(async () => {
  employeeNo = (await makeEmployee(t.deps, { startDate: '2025-03-01', insuredCity: '示例市', monthlyWage: 800_000 })).employeeNo;
});

describe('sentinel policy', () => {
  it('imports a file, prints what changed and lists it', async () => {
    const r = await cli('policy', 'import', policyFile);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('示例市：新增 2025-01 起');
    expect(r.out).toContain('政策数据未经核实：示例市 2025-01 起');
    const list = await cli('policy', 'list', '--city', '示例市');
    expect(list.out).toContain('2025-01 起：基数 ¥7,460.00–¥37,302.00；养老保险 16%/8%（单位/个人）；滞纳金每日0.05%；政策数据未经核实');
  });

  it('imports every shipped city file and flags its unverified periods', async () => {
    for (const [file, city] of [['beijing', '北京'], ['shanghai', '上海'], ['guangzhou', '广州'], ['shenzhen', '深圳'], ['hangzhou', '杭州'], ['changsha', '长沙']]) {
      const r = await cli('policy', 'import', `prisma/policies/${file}.json`);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`政策数据未经核实：${city}`);
    }
    const list = await cli('policy', 'list', '--city', '北京');
    expect(list.out).toContain('2024-07 至 2025-06：基数 ¥6,821.00–¥35,283.00');
  });

  it('refuses a bad file naming the period, and a missing file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ city: '坏市', cityCode: '000001', periods: [period, { ...period, from: '2025-06' }] }));
    const r = await cli('policy', 'import', bad);
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('政策期间 2025-06 起 与 2025-01 起 重叠') });
    expect(await t.db.cityPolicy.count({ where: { city: '坏市' } })).toBe(0);
    expect(await cli('policy', 'import', join(dir, 'nope.json'))).toMatchObject({ code: 1, err: expect.stringContaining('找不到文件') });
  });
});

describe('sentinel calc back-pay', () => {
  it('prints the issue shape to the fen with --json', async () => {
    const r = await cli('calc', 'back-pay', '--city', '示例市', '--wage', '5000', '--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-11', '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      city: '示例市', verified: false,
      months: [{ month: '2025-05', baseFen: 746000, items: [{ type: 'pension', employerFen: 119360, employeeFen: 59680 }], employerFen: 119360, employeeFen: 59680, totalFen: 179040, dueOn: '2025-05-31', lateDays: 10, lateFeeFen: 895 }],
      totals: { employerFen: 119360, employeeFen: 59680, totalFen: 179040, lateFeeFen: 895, grandTotalFen: 179935 },
    });
    expect(typeof json.months[0].periodId).toBe('string');
    expect(r.err).toContain('政策数据未经核实');
  });

  it('takes wage and city from the roster with --employee and prints a table without --json', async () => {
    const r = await cli('calc', 'back-pay', '--employee', employeeNo, '--from', '2025-05', '--to', '2025-06', '--pay-on', '2025-06-11');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('政策数据未经核实：示例市');
    expect(r.out).toMatch(/2025-05\s+¥8,000.00\s+¥1,280.00\s+¥640.00\s+¥1,920.00\s+2025-05-31\s+10\s+¥9.60/);
    expect(r.out).toContain('《社会保险法》第八十六条');
  });

  it.each([
    [['--city', '示例市', '--wage', '5000', '--from', '2025-13', '--to', '2025-05', '--pay-on', '2025-06-11'], '--from 2025-13 不是有效的月份'],
    [['--city', '示例市', '--wage', '5000', '--from', '2025-06', '--to', '2025-05', '--pay-on', '2025-06-11'], '--from 2025-06 晚于 --to 2025-05'],
    [['--city', '示例市', '--wage', '5000', '--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-31'], '--pay-on 2025-06-31 不是有效的日期'],
    [['--city', '示例市', '--wage', 'abc', '--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-11'], '--wage abc 不是有效的金额'],
    [['--city', '示例市', '--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-11'], '--wage 未填写'],
    [['--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-11'], '--employee 或 --city 未填写'],
    [['--city', '火星', '--wage', '5000', '--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-11'], '--city：没有「火星」的社保政策'],
    [['--city', '示例市', '--wage', '5000', '--from', '2024-12', '--to', '2025-05', '--pay-on', '2025-06-11'], '--from：2024-12 没有示例市的社保政策'],
    [['--employee', 'NOBODY', '--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-11'], '--employee：找不到工号为 NOBODY 的员工'],
  ])('refuses %j naming the argument', async (args, message) => {
    const audits = await t.db.auditEvent.count();
    const r = await cli('calc', 'back-pay', ...args);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
    expect(await t.db.auditEvent.count()).toBe(audits);
  });
});

describe('sentinel calc exposure', () => {
  it('counts the unpaid overdue months, fines and one month of compensation (2025-03-01 → 2025-08-31)', async () => {
    const r = await cli('calc', 'exposure', '--employee', employeeNo, '--as-of', '2025-08-31', '--json');
    expect(r.code, r.err).toBe(0);
    const x = JSON.parse(r.out);
    expect(x.arrears.months.map((m: { month: string }) => m.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
    expect(x.lines.map((l: { key: string; minFen: number; maxFen: number }) => [l.key, l.minFen, l.maxFen])).toEqual([
      ['arrears', 960_000, 960_000], ['lateFee', 43_776, 43_776], ['art86Fine', 960_000, 2_880_000],
      ['art84Fine', 960_000, 2_880_000], ['art84ManagerFine', 50_000, 300_000], ['compensation', 800_000, 800_000],
    ]);
  });

  it('refuses a malformed --as-of', async () => {
    expect(await cli('calc', 'exposure', '--employee', employeeNo, '--as-of', '2025/08/31')).toMatchObject({ code: 1, err: expect.stringContaining('--as-of 2025/08/31 不是有效的日期') });
  });
});

describe('the sentinel binary', () => {
  it('exits 1 with the Chinese message for a bad month', async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, ['scripts/sentinel.js', 'calc', 'back-pay', '--city', '示例市', '--wage', '5000', '--from', '2025-5', '--to', '2025-05', '--pay-on', '2025-06-11'], { env: { ...env, PATH: process.env.PATH } }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1, stderr: expect.stringContaining('--from 2025-5 不是有效的月份') });
  });

  it('computes the same totals as in-process', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['scripts/sentinel.js', 'calc', 'back-pay', '--city', '示例市', '--wage', '5000', '--from', '2025-05', '--to', '2025-05', '--pay-on', '2025-06-11', '--json'], { env: { ...env, PATH: process.env.PATH } });
    expect(JSON.parse(stdout).totals.grandTotalFen).toBe(179_935);
  }, 120_000);
});
