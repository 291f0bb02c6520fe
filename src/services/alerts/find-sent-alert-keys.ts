// Which of a run's owed reminders went out on an earlier day: their Alert rows exist. One read per
// page outside any transaction, so a rerun (the steady state) opens none. Only a shortcut: the
// Alert's unique key inside the sending transaction stays the guard against a racing instance.
import type { Db } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

const SENT_SQL = `SELECT "uniqueKey" FROM "Alert" WHERE "uniqueKey" = ANY($1::text[])`;

/** @example await findSentAlertKeys(db, ['retirement:…:2026-07']) // → Set { 'retirement:…:2026-07' } once sent */
export async function findSentAlertKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await preparedQuery<{ uniqueKey: string }>(db, 'sent-alert-keys', SENT_SQL, [keys]);
  return new Set(rows.map((a) => a.uniqueKey));
}
