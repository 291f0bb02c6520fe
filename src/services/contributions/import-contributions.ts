import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ImportSummary } from '../import/import-employees.ts';
import type { RosterProblem } from '../import/map-roster-row.ts';
import { lockImports } from '../import/lock-imports.ts';
import { openSpreadsheet } from '../import/open-spreadsheet.ts';
import { readRosterSheet } from '../import/parse-roster-file.ts';
import { matchContributionEmployees } from './match-contribution-employees.ts';
import { planContributionChanges } from './plan-contribution-changes.ts';
import { validateContributionRows } from './validate-contribution-rows.ts';
import { writeContributionRecords } from './write-contribution-records.ts';
import { pushImportedStatements } from '../statements/push-imported-statements.ts';

const MAX_LISTED_PROBLEMS = 1000;

/**
 * Imports the monthly contribution export (.xlsx or UTF-8 .csv, template in ARCHITECTURE.md §6),
 * one row per employee × 所属期 × 险种, upserting by that triple. All or nothing: any problem
 * rejects the file (422 `import_rejected`, details.problems = [{row, column, message}]) and
 * nothing is written. Re-importing the same month reports every row unchanged and writes nothing;
 * without a 参保城市 / 缴费主体 column the stored city / payer is kept. After the commit, each recent
 * month of the file pushes its statement to the employees (社会保险法 第六十条; once per month).
 * Limits (openSpreadsheet, readRosterSheet): 413 past 10 MB or an .xlsx inflating past 100 MB
 * (zip bombs, refused before the lock), 422 past 20,000 rows while reading, 409 while another
 * import of either kind runs (lockImports).
 *
 * @example
 *   const s = await importContributions(deps, { actor, fileName: '2026-01.xlsx', buffer });
 *   // { rows: 15, created: 15, updated: 0, unchanged: 0 }
 */
export async function importContributions(
  deps: ServiceDeps,
  opts: { actor: Actor; fileName: string; buffer: Buffer; onProgress?: (done: number, total: number) => void },
): Promise<ImportSummary> {
  authorize(opts.actor, 'contribution.import');
  // Bombs and wrong formats are refused here, before the lock: a second upload is not held up.
  const file = await openSpreadsheet(opts);
  try {
    const { summary, months } = await deps.db.$transaction(
      async (tx) => {
        await lockImports(tx);
        const checked = validateContributionRows(await readRosterSheet(file));
        if (checked.problems.some((p) => p.row === 1)) throw rejection(checked.problems);
        const { records } = checked;
        const matched = await matchContributionEmployees(tx, deps.cipher, records);
        const problems = [...checked.problems, ...matched.problems];
        if (problems.length > 0 || records.length === 0) throw rejection(problems.sort((a, b) => a.row - b.row));
        const plan = await planContributionChanges(tx, records, matched.idOf, checked.columns);
        let done = 0;
        const advance = (n: number) => opts.onProgress?.((done += n), records.length);
        advance(0);
        await writeContributionRecords(tx, plan, opts.fileName, deps.now(), advance);
        advance(plan.unchanged);
        const summary = { rows: checked.rowCount, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
        const months = [...new Set(records.map((r) => r.month))].sort();
        const fileHash = createHash('sha256').update(opts.buffer).digest('hex');
        await writeAuditEvent(tx, opts.actor, { type: 'contributions.imported', data: { file: opts.fileName, ...summary, months } }, { type: 'import', id: fileHash });
        return { summary, months };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    await pushImportedStatements(deps, months);
    return summary;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('conflict', '导入期间同一员工、所属期、险种的缴费记录被他人写入，本次未导入任何数据，请重新导入');
    }
    throw err;
  }
}

function rejection(problems: RosterProblem[]): AppError {
  const rows = new Set(problems.map((p) => p.row));
  const message = problems.length === 0
    ? '导入被拒绝：文件中没有数据行'
    : rows.size === 1 && rows.has(1) ? '导入被拒绝：表头有误，未导入任何数据' : `导入被拒绝：${rows.size} 行有错误，未导入任何数据`;
  return new AppError('import_rejected', message, { problems: problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length });
}
