// A set-based evidence ledger of N entries for the evidence bench: the payloads (audit events as
// row payloads, small documents as file payloads) and then the entries in bounded batches of
// INSERT … SELECT FROM jsonb_to_recordset. Each entry's payload hash and leaf hash are computed
// with the services' own code (projectionHash over the real projection, entryLeafData, leafHash),
// so verifyLedger checks the seeded ledger exactly as one built by appendEvidence.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../src/db/client.ts';
import { canonicalJson, entryLeafData } from '../src/domain/evidence/entry-leaf.ts';
import { leafHash } from '../src/domain/evidence/merkle.ts';
import type { AuditEvent } from '../src/generated/prisma/client.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { projectionHash, type EvidencePayload } from '../src/services/evidence/payload-hashes.ts';
import { projectEvidenceRows } from '../src/services/evidence/row-projections.ts';

/** Every FILE_EVERY-th entry cites a stored document; the rest cite an audit event row. */
export const FILE_EVERY = 5;
/** Entries that belong to the employee whose evidence pack is built, spread over the ledger. */
export const SUBJECT_ENTRIES = 20;
const BATCH = 1000;
const DOC_BYTES = 8 * 1024;

export interface SeededLedger {
  /** The employee with SUBJECT_ENTRIES entries; every other entry belongs to one of n / 20 others. */
  subjectId: string;
  subjectIndexes: number[];
  fileEntries: number;
}

/** Audit events as future row payloads, inserted set-based and read back in the shape Prisma projects. */
export async function seedAuditEvents(client: pg.Client, db: Db, count: number, tag: string): Promise<AuditEvent[]> {
  await client.query(
    `INSERT INTO "AuditEvent" (id, type, actor, "subjectType", "subjectId", data, at)
     SELECT gen_random_uuid(), 'card.sent', '{"kind":"system","id":"bench","name":"基准"}'::jsonb, 'bench', $2 || ':' || i,
            jsonb_build_object('cardKey', 'bench-' || i, 'platform', 'sandbox'), now()
     FROM generate_series(1, $1::int) AS i`,
    [count, tag],
  );
  return db.auditEvent.findMany({ where: { subjectType: 'bench', subjectId: { startsWith: `${tag}:` } }, orderBy: { seq: 'asc' } });
}

/** `count` distinct small documents in the file store, registered in StoredFile in one statement. */
export async function seedDocuments(client: pg.Client, deps: Pick<ServiceDeps, 'files'>, count: number, tag: string): Promise<string[]> {
  const shas: string[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.alloc(DOC_BYTES, `%PDF-1.7 基准文档 ${tag} #${i}\n`);
    shas.push((await deps.files.put(bytes)).sha256);
  }
  await client.query(`INSERT INTO "StoredFile" (sha256, "mediaType", size) SELECT s, 'application/pdf', $2::int FROM unnest($1::text[]) AS s`, [shas, DOC_BYTES]);
  return shas;
}

/** The payloads of entries `from`..`from + count - 1`: one in FILE_EVERY a document, the rest audit rows. */
export async function seedPayloads(url: string, deps: Pick<ServiceDeps, 'db' | 'files'>, count: number, tag: string): Promise<EvidencePayload[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const fileCount = Math.ceil(count / FILE_EVERY);
    const shas = await seedDocuments(client, deps, fileCount, tag);
    const events = await seedAuditEvents(client, deps.db, count - fileCount, tag);
    let [f, r] = [0, 0];
    return Array.from({ length: count }, (_, i): EvidencePayload =>
      i % FILE_EVERY === 0 ? { kind: 'file', sha256: shas[f++]!, mediaType: 'application/pdf' } : { kind: 'row', table: 'AuditEvent', id: events[r++]!.id },
    );
  } finally {
    await client.end();
  }
}

/** Seeds entries 0..n-1 and the subject employee; returns who the pack is about. */
export async function seedLedger(url: string, deps: Pick<ServiceDeps, 'db' | 'files'>, n: number): Promise<SeededLedger> {
  const payloads = await seedPayloads(url, deps, n, `ledger${n}`);
  // The row payload hashes through the real, batched projection: one findMany instead of n lookups.
  const rowIds = payloads.flatMap((p) => (p.kind === 'row' ? [p.id] : []));
  const rowHashes = new Map([...(await projectEvidenceRows(deps.db, 'AuditEvent', rowIds))].map(([id, row]) => [id, projectionHash(row)]));
  const department = await deps.db.department.create({ data: { name: '研发部' } });
  const subject = await deps.db.employee.create({ data: { employeeNo: 'E0000001', name: '张三', startDate: new Date('2024-03-01'), departmentId: department.id } });
  const others = Array.from({ length: Math.max(1, n / 20) }, () => randomUUID());
  const step = Math.floor(n / SUBJECT_ENTRIES);
  const subjectIndexes = Array.from({ length: SUBJECT_ENTRIES }, (_, k) => k * step + Math.floor(step / 2));
  const isSubject = new Set(subjectIndexes);
  const base = Date.parse('2026-01-05T01:00:00.000Z');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let from = 0; from < n; from += BATCH) {
      const rows = [];
      for (let index = from; index < Math.min(n, from + BATCH); index++) {
        const payload = payloads[index]!;
        const employeeId = isSubject.has(index) ? subject.id : others[index % others.length]!;
        const payloadHash = payload.kind === 'file' ? payload.sha256 : rowHashes.get(payload.id)!;
        const fields = {
          index, type: payload.kind === 'file' ? 'document' : 'card.sent', subjectType: 'employee', subjectId: employeeId, employeeId, payloadHash,
          payloadRef: payload.kind === 'file' ? { kind: 'file', sha256: payload.sha256, mediaType: payload.mediaType } : { kind: 'row', table: payload.table, id: payload.id },
          metadata: JSON.parse(canonicalJson({ seed: index, 说明: '基准数据' })) as unknown,
        };
        const createdAt = new Date(base + index * 60_000).toISOString();
        rows.push({ ...fields, leafHash: leafHash(entryLeafData({ ...fields, createdAt })).toString('hex'), createdAt });
      }
      await client.query(
        `INSERT INTO "EvidenceEntry" (index, type, "subjectType", "subjectId", "employeeId", "payloadHash", "payloadRef", metadata, "leafHash", "createdAt")
         SELECT index, type, "subjectType", "subjectId", "employeeId", "payloadHash", "payloadRef", metadata, "leafHash", "createdAt"
         FROM jsonb_to_recordset($1::jsonb) AS x(index int, type text, "subjectType" text, "subjectId" text, "employeeId" uuid,
              "payloadHash" text, "payloadRef" jsonb, metadata jsonb, "leafHash" text, "createdAt" timestamptz)`,
        [JSON.stringify(rows)],
      );
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return { subjectId: subject.id, subjectIndexes, fileEntries: Math.ceil(n / FILE_EVERY) };
}
