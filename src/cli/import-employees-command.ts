import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { systemActor, type Actor } from '../domain/actor.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { importEmployees, type ImportSummary } from '../services/import/import-employees.ts';
import { MAX_ROSTER_FILE_BYTES } from '../services/import/open-spreadsheet.ts';
import type { RosterProblem } from '../services/import/map-roster-row.ts';

export interface CliOut {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** More than a screenful helps nobody; the rest are one fix-and-retry away. */
const SHOWN_PROBLEMS = 200;

/**
 * `sentinel import employees <file>`: imports the roster, with a progress bar on a terminal,
 * and prints either the summary or every problem as a 行 / 列 / 原因 table.
 * Returns the exit code: 0 imported, 1 rejected (nothing was written).
 */
export async function runImportEmployees(deps: ServiceDeps, filePath: string, out: CliOut, actor: Actor = systemActor('cli', '命令行')): Promise<number> {
  return runSpreadsheetImport(filePath, out, '导入员工', (file) => importEmployees(deps, { actor, ...file }));
}

/** What to do about a file the CLI cannot read, in words rather than an errno code. */
export function unreadableFileMessage(filePath: string, code: string | undefined): string {
  if (code === 'ENOENT') return `找不到文件 ${filePath}，请检查路径`;
  if (code === 'EISDIR') return `${filePath} 是一个文件夹，请给出表格文件的路径`;
  if (code === 'EACCES' || code === 'EPERM') return `没有权限读取文件 ${filePath}，请检查文件权限`;
  return `无法读取文件 ${filePath}，请确认它是一个可读取的表格文件`;
}

/**
 * Reads the file, runs `importFile` with a progress bar (or progress lines off a terminal) and
 * prints the summary or the 行 / 列 / 原因 table. Shared by every `sentinel import` command.
 */
export async function runSpreadsheetImport(
  filePath: string,
  out: CliOut,
  label: string,
  importFile: (file: { fileName: string; buffer: Buffer; onProgress: (done: number, total: number) => void }) => Promise<ImportSummary>,
): Promise<number> {
  let buffer: Buffer;
  try {
    if ((await stat(filePath)).size > MAX_ROSTER_FILE_BYTES) {
      out.write(`文件超过 ${MAX_ROSTER_FILE_BYTES / 1048576} MB 上限：${filePath}\n`);
      return 1;
    }
    buffer = await readFile(filePath);
  } catch (err) {
    out.write(`${unreadableFileMessage(filePath, (err as NodeJS.ErrnoException).code)}\n`);
    return 1;
  }
  const progress = out.isTTY ? barProgress(out, label) : lineProgress(out);
  try {
    const s = await importFile({ fileName: basename(filePath), buffer, onProgress: progress.update });
    progress.stop();
    out.write(`导入完成：新增 ${s.created}，更新 ${s.updated}，未变 ${s.unchanged}（共 ${s.rows} 行）\n`);
    if (s.notes?.length) out.write(`请留意以下 ${s.notes.length} 项（已导入）：\n${problemTable(s.notes, s.notes.length)}`);
    return 0;
  } catch (err) {
    progress.stop();
    if (!(err instanceof AppError)) throw err;
    out.write(`${err.message}\n`);
    const details = err.details as { problems?: RosterProblem[]; problemCount?: number } | undefined;
    if (details?.problems?.length) out.write(problemTable(details.problems, details.problemCount ?? details.problems.length));
    return 1;
  }
}

function barProgress(out: CliOut, label: string) {
  // cli-progress only calls write() and readline cursor moves (which also write), so a
  // writer plus isTTY/columns is all the stream it needs.
  const stream = { write: (s: string) => (out.write(s), true), isTTY: true, columns: out.columns ?? 80 };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} 行`, hideCursor: true, stream: stream as unknown as NodeJS.WritableStream },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) bar.start(total, done);
      else bar.update(done);
      started = true;
    },
    stop: () => started && bar.stop(),
  };
}

/** Logs and CI output: a line per tenth of the way, not one per batch. */
function lineProgress(out: CliOut) {
  let nextAt = 0;
  return {
    update(done: number, total: number) {
      if (done === 0 || done < nextAt) return;
      out.write(`imported ${done}/${total}\n`);
      nextAt = done + Math.max(1, Math.ceil(total / 10));
    },
    stop: () => undefined,
  };
}

function problemTable(problems: RosterProblem[], total: number): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const rowWidth = Math.max(2, ...shown.map((p) => String(p.row).length));
  const colWidth = Math.max(2, ...shown.map((p) => displayWidth(p.column)));
  const line = (row: string, column: string, reason: string) => `${pad(row, rowWidth)}  ${pad(column, colWidth)}  ${reason}\n`;
  let text = line('行', '列', '原因');
  for (const p of shown) text += line(String(p.row), p.column, p.message);
  if (total > shown.length) text += `……另有 ${total - shown.length} 个问题未列出（共 ${total} 个）\n`;
  return text;
}

/** Terminals draw CJK characters two columns wide; padEnd would count them as one. */
function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
