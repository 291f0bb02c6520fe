// Checks against what is already stored, each one query per batch rather than one per row:
// managers that exist nowhere, and a mobile, ID number or chat account that belongs to
// someone else (found through the keyed hash, never by decrypting).
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import type { Tx } from '../../db/client.ts';
import { chunk } from './chunk.ts';
import type { KnownEmployee } from './load-roster-employees.ts';
import type { RosterProblem, RosterRecord } from './map-roster-row.ts';
import { headerOf } from './roster-columns.ts';

const BATCH = 5000;

export async function findRosterConflicts(
  tx: Tx,
  cipher: PersonalDataCipher,
  records: RosterRecord[],
  known: Map<string, KnownEmployee>,
): Promise<RosterProblem[]> {
  const problems: RosterProblem[] = [];
  const inFile = new Set(records.map((r) => r.input.employeeNo));
  for (const r of records) {
    const boss = r.input.managerEmployeeNo;
    if (boss && !inFile.has(boss) && !known.has(boss)) {
      problems.push({ row: r.row, column: headerOf.managerEmployeeNo, message: `直属上级工号 ${boss} 在文件和系统中都不存在` });
    }
  }

  const hashed = records.map((r) => ({
    r,
    mobile: r.input.mobile && cipher.lookupHash('mobile', r.input.mobile),
    idNumber: r.input.idNumber && cipher.lookupHash('idNumber', r.input.idNumber),
  }));
  const owners = new Map<string, string>();
  for (const batch of chunk(hashed, BATCH)) {
    const mobiles = batch.flatMap((h) => (h.mobile ? [h.mobile] : []));
    const ids = batch.flatMap((h) => (h.idNumber ? [h.idNumber] : []));
    if (mobiles.length + ids.length === 0) continue;
    const rows = await tx.employee.findMany({
      where: { OR: [{ mobileHash: { in: mobiles } }, { idNumberHash: { in: ids } }] },
      select: { employeeNo: true, mobileHash: true, idNumberHash: true },
    });
    for (const row of rows) {
      if (row.mobileHash) owners.set(`mobile:${row.mobileHash}`, row.employeeNo);
      if (row.idNumberHash) owners.set(`idNumber:${row.idNumberHash}`, row.employeeNo);
    }
  }
  for (const { r, mobile, idNumber } of hashed) {
    for (const [field, hash] of [['mobile', mobile], ['idNumber', idNumber]] as const) {
      const owner = hash && owners.get(`${field}:${hash}`);
      if (owner && owner !== r.input.employeeNo) {
        problems.push({ row: r.row, column: headerOf[field], message: `${headerOf[field]}已被工号 ${owner} 使用（同一人只能有一个工号）` });
      }
    }
  }
  problems.push(...(await findIdentityConflicts(tx, records)));
  return problems;
}

async function findIdentityConflicts(tx: Tx, records: RosterRecord[]): Promise<RosterProblem[]> {
  const problems: RosterProblem[] = [];
  for (const batch of chunk(records, BATCH)) {
    const wecom = batch.flatMap((r) => r.input.identities?.wecom ?? []);
    const dingtalk = batch.flatMap((r) => r.input.identities?.dingtalk ?? []);
    if (wecom.length + dingtalk.length === 0) continue;
    const taken = await tx.platformIdentity.findMany({
      where: { OR: [{ platform: 'wecom', userId: { in: wecom } }, { platform: 'dingtalk', userId: { in: dingtalk } }] },
      select: { platform: true, userId: true, employee: { select: { employeeNo: true } } },
    });
    const ownerOf = new Map(taken.map((t) => [`${t.platform}:${t.userId}`, t.employee.employeeNo]));
    for (const r of batch) {
      for (const platform of ['wecom', 'dingtalk'] as const) {
        const userId = r.input.identities?.[platform];
        const owner = userId && ownerOf.get(`${platform}:${userId}`);
        if (owner && owner !== r.input.employeeNo) {
          problems.push({ row: r.row, column: headerOf[platform], message: `${userId} 已绑定到工号 ${owner}` });
        }
      }
    }
  }
  return problems;
}
