// `sentinel calc back-pay … --pdf <dir>`: the three back-pay documents of one employee written
// into dir, each also stored and ledgered under the employee like one generated in the H5.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Actor } from '../domain/actor.ts';
import { BACK_PAY_DOCUMENT_KINDS } from '../documents/back-pay/back-pay-document-kinds.ts';
import type { ServiceDeps } from '../services/deps.ts';
import type { EmployeeRef } from '../services/money/find-money-subject.ts';
import { issueBackPayDocument } from '../services/money/issue-back-pay-document.ts';

/** The paths written, in kind order. The caller has already computed the same input (so it is valid). */
export async function writeBackPayPdfs(deps: ServiceDeps, o: { actor: Actor; dir: string; employee: EmployeeRef; from: string; to: string; payOn: string; reason: string | null }): Promise<string[]> {
  const dir = resolve(o.dir);
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const kind of BACK_PAY_DOCUMENT_KINDS) {
    const doc = await issueBackPayDocument(deps, { actor: o.actor, kind, employee: o.employee, from: o.from, to: o.to, payOn: o.payOn, reason: o.reason });
    const path = join(dir, doc.fileName);
    await writeFile(path, doc.bytes);
    paths.push(path);
  }
  return paths;
}
