// The evidence ledger's state as a backup records it: entries, signed heads and the latest head.
import { sql } from '../db/pg-tools.ts';

export interface LedgerState {
  entries: number;
  heads: number;
  latestHead: { size: number; rootHash: string; keyId: string } | null;
}

export async function readLedgerState(url: string): Promise<LedgerState> {
  const [counts] = await sql<{ entries: number; heads: number }>(url, 'SELECT (SELECT count(*)::int FROM "EvidenceEntry") AS entries, (SELECT count(*)::int FROM "TreeHead") AS heads');
  const [latest] = await sql<{ size: number; rootHash: string; keyId: string }>(url, 'SELECT size, "rootHash", "keyId" FROM "TreeHead" ORDER BY size DESC LIMIT 1');
  return { entries: counts?.entries ?? 0, heads: counts?.heads ?? 0, latestHead: latest ?? null };
}
