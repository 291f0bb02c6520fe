// `sentinel calendar import-notice` in-process against a real database: the dry run writes
// nothing, the import makes the year complete, a missing file or an unreadable notice says what
// to do in Chinese and exits 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const dir = mkdtempSync(join(tmpdir(), 'notice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const env = { DATABASE_URL: t.url, DATA_DIR: dir, SCHEDULER: 'off', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'a'.repeat(32), SENTINEL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
  const code = await runCli(['calendar', 'import-notice', ...args], env, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('sentinel calendar import-notice', () => {
  it('previews the notice with --dry-run and writes nothing', async () => {
    const r = await cli('test/fixtures/holiday-notice-2027-hypothetical.txt', '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('国务院办公厅关于2027年部分节假日安排的通知');
    expect(r.out).toContain('春节 2027-02-05 至 2027-02-12，共8天');
    expect(r.out).toContain('调休上班：2027-02-13（春节）');
    expect(r.out).toContain('试运行，未写入任何数据');
    expect(await t.db.holidayNotice.count()).toBe(0);
  });

  it('imports the notice and makes 2027 complete', async () => {
    const r = await cli('test/fixtures/holiday-notice-2027-hypothetical.txt');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已导入：2027年放假安排已生效。');
    expect(await t.db.holidayNotice.findUnique({ where: { year: 2027 } })).toMatchObject({ importedBy: '命令行' });
    expect(await t.db.workCalendarOverride.count({ where: { kind: 'STATUTORY', source: '国务院办公厅关于2027年部分节假日安排的通知' } })).toBe(12);
  });

  it('says what to do about a missing file or an unreadable notice, and exits 1', async () => {
    const missing = await cli(join(dir, 'nope.txt'));
    expect(missing).toMatchObject({ code: 1, err: `找不到文件 ${join(dir, 'nope.txt')}，请检查路径\n` });
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '国务院办公厅关于2028年部分节假日安排的通知\n请见附件。');
    const unreadable = await cli(bad);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toContain('无法读取放假安排通知');
    expect(await t.db.holidayNotice.count({ where: { year: 2028 } })).toBe(0);
  });
});
