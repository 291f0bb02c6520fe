// Formula injection: whatever text reached the audit log (a roster cell such as =cmd|' /C calc'!A0,
// a reason, a name), the evidence pack's timeline.csv opened in Excel never starts a cell with a
// formula trigger, and reading the CSV back gives the text (with a leading ' where one was added).
import { parseString } from '@fast-csv/parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineCsv } from '../../src/services/evidence/pack-timeline.ts';

const readCsv = (text: string) => new Promise<string[][]>((resolve, reject) => {
  const rows: string[][] = [];
  parseString(text, { headers: false }).on('data', (r: string[]) => rows.push(r)).on('end', () => resolve(rows)).on('error', reject);
});
const cellText = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('=cmd|\' /C calc\'!A0', '+SUM(1,1)', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","点我")', '"=1"', ',=1', '\n=1'));

describe('timeline.csv', () => {
  it('neutralises every cell Excel would run as a formula, and keeps the text', async () => {
    await fc.assert(fc.asyncProperty(fc.array(cellText, { minLength: 9, maxLength: 9 }), async (cells) => {
      const [time, who, roles, what, type, ip, device, subject, details] = cells as [string, string, string, string, string, string, string, string, string];
      const csv = timelineCsv([{ at: '', time, who, roles, what, type, ip, device, subject, details }]).toString('utf8').replace(/^\uFEFF/, '');
      const [, row] = await readCsv(csv);
      row!.forEach((cell, i) => {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell === cells[i] || cell === `'${cells[i]}`).toBe(true);
      });
    }), { numRuns: 200, seed: 19 });
  });
});
