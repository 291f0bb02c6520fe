// After a hire or a roster import: every employee insured elsewhere before (上一参保城市 differs from
// 参保城市) and without a transfer case gets HR a 「建议办理养老保险关系转移接续」 card, once (its key
// is the employee's). A man ≥ 50 or woman ≥ 40 whose hukou province is not the insured city's is
// flagged (《城镇企业职工基本养老保险关系转移接续暂行办法》第六条). Runs in the caller's transaction.
import { buildTransferSuggestedCard } from '../../../cards/transfer-suggested-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { provinceOf, sameCity } from '../../domain/transfer/city-province.ts';
import { temporaryAccountFlag } from '../../domain/transfer/temporary-account.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { queueExitCard } from '../exits/queue-exit-card.ts';

/**
 * @example await suggestTransfers(deps, tx, { actor, employeeIds: [hire.id] }) // → 1 (cards queued for one employee)
 */
export async function suggestTransfers(deps: ServiceDeps, tx: Tx, o: { actor: Actor; employeeIds: readonly string[] }): Promise<number> {
  if (o.employeeIds.length === 0) return 0;
  const candidates = await tx.employee.findMany({
    where: { id: { in: [...o.employeeIds] }, previousInsuredCity: { not: null }, insuredCity: { not: null }, status: { not: 'EXITED' } },
    select: { id: true, name: true, sex: true, birthDate: true, startDate: true, insuredCity: true, previousInsuredCity: true, hukouProvince: true, department: { select: { name: true } } },
  });
  const withCase = new Set((await tx.pensionTransfer.findMany({ where: { employeeId: { in: candidates.map((c) => c.id) } }, select: { employeeId: true } })).map((t) => t.employeeId));
  let suggested = 0;
  for (const e of candidates) {
    const fromCity = e.previousInsuredCity as string;
    const toCity = e.insuredCity as string;
    if (withCase.has(e.id) || sameCity(fromCity, toCity)) continue;
    const startDate = formatDay(e.startDate) as string;
    const temporaryAccount = temporaryAccountFlag({ sex: e.sex, birthDate: formatDay(e.birthDate), hukouProvince: provinceOf(e.hukouProvince), insuredCity: toCity, previousInsuredCity: fromCity, on: startDate });
    const facts = { employeeName: e.name, department: e.department.name, fromCity, toCity, startDate, ...(temporaryAccount && { temporaryAccount }) };
    const queued = await queueExitCard(deps, tx, {
      actor: o.actor, subjectType: 'employee', subjectId: e.id, employeeId: e.id, stage: 'transfer', audience: { kind: 'hr' },
      build: (key) => buildTransferSuggestedCard({ facts, key, h5Url: `${deps.publicBaseUrl}/app/transfers?employee=${e.id}` }),
    });
    if (queued.length === 0) continue;
    await writeAuditEvent(tx, o.actor, { type: 'transfer.suggested', data: { fromCity, toCity, temporaryAccount: temporaryAccount !== undefined } }, { type: 'employee', id: e.id });
    suggested++;
  }
  return suggested;
}
