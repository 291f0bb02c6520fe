import { closeEnrolmentCards } from '../enrolment/close-enrolment-cards.ts';
import { enrolFromRoster } from '../enrolment/enrol-from-roster.ts';
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { suggestTransfers } from '../transfer/suggest-transfers.ts';
import { applyEmployeeUpdates } from './apply-employee-updates.ts';
import { findRosterConflicts } from './find-roster-conflicts.ts';
import { findRosterContractProblems } from './find-roster-contract-problems.ts';
import { findRosterRoleProblems } from './find-roster-role-problems.ts';
import { insertNewEmployees } from './insert-new-employees.ts';
import { loadRosterEmployees } from './load-roster-employees.ts';
import type { RosterProblem } from './map-roster-row.ts';
import { lockImports } from './lock-imports.ts';
import { openSpreadsheet } from './open-spreadsheet.ts';
import { readRosterSheet } from './parse-roster-file.ts';
import { planRosterChanges } from './plan-roster-changes.ts';
import { rosterNotes } from './roster-notes.ts';
import { recordRosterRoleChanges } from './record-roster-role-changes.ts';
import { validateRosterRows } from './validate-roster-rows.ts';

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Accepted rows HR should look at (未成年工, missing 退休类别, passports): [{row, column, message}]; absent when none. */
  notes?: RosterProblem[];
}

/** Problems returned in the 422; the count says how many there were in all. */
const MAX_LISTED_PROBLEMS = 1000;

/**
 * Imports an employee roster (.xlsx or UTF-8 .csv, template in ARCHITECTURE.md §6), upserting
 * by 工号. All or nothing: any problem in any row rejects the file with every problem listed
 * (422 `import_rejected`, details.problems = [{row, column, message}]) and nothing is written.
 * Re-importing the same file changes nothing and reports every row as unchanged.
 * Limits (openSpreadsheet, readRosterSheet): 413 past 10 MB or an .xlsx inflating past 100 MB
 * (zip bombs, refused before the lock), 422 past 20,000 rows while reading, 409 while another
 * import of either kind runs (lockImports).
 *
 * On an existing employee: a column the file lacks leaves that field alone; an empty cell
 * clears it, except 状态 and 角色 (empty keeps the stored value; new employees get 在职 and
 * 员工) and the chat-account columns (import binds accounts, it never unbinds them, since
 * that is how people sign in). Roles and chat accounts follow the four-eyes rules of
 * 修改角色 (findRosterRoleProblems): a row that gives or takes a role the importer could not
 * grant, or touches the importer's own roles, rejects the file. A status change is recorded in the history and audit log but
 * not checked against the lifecycle table: the roster is HR's correction of record.
 *
 * @example
 *   const summary = await importEmployees(deps, { actor, fileName: 'roster.xlsx', buffer, onProgress: (d, t) => bar.update(d) });
 *   // { rows: 12, created: 12, updated: 0, unchanged: 0 }
 */
export async function importEmployees(
  deps: ServiceDeps,
  opts: { actor: Actor; fileName: string; buffer: Buffer; onProgress?: (done: number, total: number) => void },
): Promise<ImportSummary> {
  authorize(opts.actor, 'employee.import');
  const { actor, fileName } = opts;
  // Bombs and wrong formats are refused here, before the lock: a second upload is not held up.
  const file = await openSpreadsheet(opts);
  const today = dayIn(deps.businessTz, deps.now());
  try {
    return await deps.db.$transaction(
      async (tx) => {
        await lockImports(tx);
        const checked = validateRosterRows(await readRosterSheet(file), today);
        if (checked.problems.some((p) => p.row === 1)) throw rejection(checked.problems);
        const { records } = checked;
        const known = await loadRosterEmployees(tx, records.flatMap((r) => [r.input.employeeNo, r.input.managerEmployeeNo ?? []].flat()));
        const problems = [...checked.problems, ...(await findRosterConflicts(tx, deps.cipher, records, known)), ...findRosterRoleProblems(actor, records, known), ...findRosterContractProblems(records, checked.columns, known)];
        if (problems.length > 0) throw rejection(problems.sort((a, b) => a.row - b.row));

        const departmentIds = await upsertDepartments(tx, records.map((r) => r.input.department));
        const plan = planRosterChanges({ records, columns: checked.columns, known, departmentIds, cipher: deps.cipher });
        let done = 0;
        const advance = (n: number) => opts.onProgress?.((done += n), records.length);
        advance(0);
        await insertNewEmployees(tx, actor, plan.creates, advance);
        await applyEmployeeUpdates(tx, actor, plan.updates, deps.now(), advance);
        const enrolled = await enrolFromRoster(tx, actor, records.filter((r) => r.input.enrolledOn).map((r) => r.input.employeeNo));
        await closeEnrolmentCards(deps, tx, { actor, employeeIds: enrolled, how: '名册导入' });
        await suggestTransfers(deps, tx, { actor, employeeIds: [...plan.creates, ...plan.updates].map((e) => e.id) });
        advance(plan.unchanged);

        const summary = { rows: checked.rowCount, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
        const fileHash = createHash('sha256').update(opts.buffer).digest('hex');
        await recordRosterRoleChanges(deps, tx, { actor, plan, known, fileName, fileHash });
        await writeAuditEvent(tx, actor, { type: 'employees.imported', data: { file: fileName, ...summary } }, { type: 'import', id: fileHash });
        const notes = rosterNotes(plan, records, today);
        return { ...summary, ...(notes.length > 0 && { notes }) };
      },
      // Generous: 20,000 rows is a few dozen batched statements, but on a slow disk.
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    // A unique index caught what validation could not see: someone wrote the same 工号 or
    // phone number between our check and our insert. The transaction rolled back.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('conflict', '导入期间员工数据被他人修改（工号、手机号或身份证号重复），本次未导入任何数据，请重新导入');
    }
    throw err;
  }
}

function rejection(problems: RosterProblem[]): AppError {
  const rows = new Set(problems.map((p) => p.row));
  const message = rows.size === 1 && rows.has(1)
    ? '导入被拒绝：表头有误，未导入任何数据'
    : `导入被拒绝：${rows.size} 行有错误，未导入任何数据`;
  return new AppError('import_rejected', message, {
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: problems.length,
  });
}

/** Departments are named in the roster, so the roster creates the missing ones: two statements. */
async function upsertDepartments(tx: Tx, names: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(names)];
  await tx.department.createMany({ data: unique.map((name) => ({ name })), skipDuplicates: true });
  const rows = await tx.department.findMany({ where: { name: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((d) => [d.name, d.id]));
}
