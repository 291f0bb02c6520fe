// The evidence ledger's state as a backup records it: entries, signed heads and the latest head.
import pg from 'pg';

export interface LedgerState {
  entries: number;
  heads: number;
  latestHead: { size: number; rootHash: string; keyId: string } | null;
}

export async function readLedgerState(url: string): Promise<LedgerState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts = await client.query<{ entries: number; heads: number }>('SELECT (SELECT count(*)::int FROM "EvidenceEntry") AS entries, (SELECT count(*)::int FROM "TreeHead") AS heads');
    const latest = await client.query<{ size: number; rootHash: string; keyId: string }>('SELECT size, "rootHash", "keyId" FROM "TreeHead" ORDER BY size DESC LIMIT 1');
    return { entries: counts.rows[0]?.entries ?? 0, heads: counts.rows[0]?.heads ?? 0, latestHead: latest.rows[0] ?? null };
  } finally {
    await client.end();
  }
}
