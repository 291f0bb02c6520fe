// One spreadsheet import at a time for the company (the deployment): parsing and writing 20,000
// rows is the heaviest thing the server does, and two at once would also race on the same 工号.
// A transaction-scoped PostgreSQL advisory lock holds across instances and is released by commit,
// rollback or a dropped connection alike; a second import is refused at once rather than queued.
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

/** Call first inside the import's transaction. @example await lockImports(tx); */
export async function lockImports(tx: Tx): Promise<void> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended('spreadsheet-import', 0)) AS locked`;
  if (!row?.locked) throw new AppError('conflict', '另一个导入正在进行，请稍后再试');
}
