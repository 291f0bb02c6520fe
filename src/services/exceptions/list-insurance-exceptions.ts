// Insurance exceptions: HR sees all, an employee only their own (scope from permissions.ts).
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { exceptionStatusLabel } from '../../domain/exceptions/exception-status.ts';
import type { ExceptionListItem } from '../../domain/views/exceptions.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { exceptionRequestNumber } from '../../domain/exceptions/request-number.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { InsuranceException } from '../../generated/prisma/client.ts';
import type { InsuranceExceptionStatus } from '../../generated/prisma/enums.ts';
import type { ServiceDeps } from '../deps.ts';
import { checkExceptionDocuments } from './check-exception-documents.ts';

export type { ExceptionListItem };

/**
 * @example
 *   const { exceptions } = await listInsuranceExceptions(deps, { actor }); // employee: own only
 */
export async function listInsuranceExceptions(deps: ServiceDeps, opts: { actor: Actor; status?: InsuranceExceptionStatus; limit?: number }): Promise<{ exceptions: ExceptionListItem[] }> {
  const scope = authorize(opts.actor, 'exception.read');
  const rows = await deps.db.insuranceException.findMany({
    where: { ...(scope === 'all' ? {} : { employeeId: opts.actor.id }), ...(opts.status && { status: opts.status }) },
    orderBy: { createdAt: 'desc' },
    take: opts.limit ?? 200,
  });
  return { exceptions: await toExceptionListItems(deps, rows) };
}

/** List items of exception rows, with their employees loaded in one query; a DRAFT's label follows its checklist. */
export async function toExceptionListItems({ db, businessTz }: { db: Db; businessTz: string }, rows: InsuranceException[]): Promise<ExceptionListItem[]> {
  const employees = await db.employee.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.employeeId))] } },
    select: { id: true, name: true, employeeNo: true, department: { select: { name: true } } },
  });
  const byId = new Map(employees.map((e) => [e.id, { id: e.id, name: e.name, employeeNo: e.employeeNo, department: e.department.name }]));
  // Only open drafts need the checklist, and an employee has at most one open exception.
  // The documents still missing are the next steps; a done one is never shown as 「下一步」.
  const missing = new Map<string, { key: string; label: string; link: string }[]>();
  for (const r of rows) {
    if (r.status !== 'DRAFT') continue;
    missing.set(r.id, (await checkExceptionDocuments(db, r, '')).filter((d) => !d.present).map((d) => ({ key: d.key, label: d.label, link: d.link })));
  }
  return rows.map((r) => {
    const info = isReasonCategory(r.reasonCategory) ? reasonCategories[r.reasonCategory] : undefined;
    return {
      id: r.id,
      requestNo: exceptionRequestNumber(r, businessTz),
      employee: byId.get(r.employeeId) ?? { id: r.employeeId, name: '（未知员工）', employeeNo: '', department: '' },
      kind: r.kind,
      reasonCategory: r.reasonCategory,
      reasonLabel: info?.label ?? r.reasonCategory,
      lawful: info?.lawful ?? false,
      status: r.status,
      statusLabel: exceptionStatusLabel(r.status, missing.get(r.id)?.length === 0),
      nextSteps: missing.get(r.id) ?? [],
      createdAt: r.createdAt.toISOString(),
      reverifyOn: formatDay(r.reverifyOn),
      lapsedOn: formatDay(r.lapsedOn),
    };
  });
}
