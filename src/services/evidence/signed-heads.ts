// Looks up signed tree heads and the root at a given size, shared by the proof services.
import type { TreeHead } from '../../generated/prisma/client.ts';
import { merkleRoot } from '../../domain/evidence/merkle.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { ledgerLeafHashes } from './ledger-leaves.ts';

export interface PublicTreeHead {
  size: number;
  rootHash: string;
  /** Ed25519 over treeHeadText(…), base64. */
  signature: string;
  keyId: string;
  signedAt: string;
  /** RFC 3161 token (DER, base64) over the same text, when one was obtained. */
  tsaToken: string | null;
}

export const publicTreeHead = (h: TreeHead): PublicTreeHead => ({
  size: h.size,
  rootHash: h.rootHash,
  signature: h.signature,
  keyId: h.keyId,
  signedAt: h.signedAt.toISOString(),
  tsaToken: h.tsaToken ? Buffer.from(h.tsaToken).toString('base64') : null,
});

export async function latestTreeHead(deps: Pick<ServiceDeps, 'db'>): Promise<TreeHead> {
  const head = await deps.db.treeHead.findFirst({ orderBy: { size: 'desc' } });
  if (!head) throw new AppError('not_found', '证据台账还没有签名树头（尚无证据条目）');
  return head;
}

/** The signed head of exactly `size` leaves, if there is one. */
export const treeHeadAt = (deps: Pick<ServiceDeps, 'db'>, size: number) => deps.db.treeHead.findUnique({ where: { size } });

/**
 * Stored leaf hashes 0..size-1 (32 bytes each: fine for proofs up to a few million entries), in
 * one round trip: Postgres concatenates the hex hashes into one string, so the read costs one
 * index-ordered scan instead of a Prisma row object per entry. Anything unexpected (a gap, a
 * stored hash that is not 64 hex digits) falls back to the paged reader, which names the gap or
 * decodes each hash exactly as before.
 * @example const leaves = await leafHashesUpTo(deps, head.size); // → Buffer[head.size]
 */
export async function leafHashesUpTo(deps: Pick<ServiceDeps, 'db'>, size: number): Promise<Buffer[]> {
  if (size <= 0) return [];
  const [row] = await deps.db.$queryRaw<{ n: number; lo: number | null; hi: number | null; wide: boolean | null; hex: string | null }[]>`
    SELECT count(*)::int AS n, min(index) AS lo, max(index) AS hi, bool_and(length("leafHash") = 64) AS wide, string_agg("leafHash", '' ORDER BY index) AS hex
      FROM "EvidenceEntry" WHERE index >= 0 AND index < ${size}`;
  // Indexes are the primary key, so `size` rows spanning 0..size-1 are gap-free.
  const whole = row && row.n === size && row.lo === 0 && row.hi === size - 1 && row.wide === true && row.hex !== null && /^[0-9a-f]*$/i.test(row.hex);
  if (!whole) {
    const out: Buffer[] = [];
    for await (const hash of ledgerLeafHashes(deps.db, size)) out.push(hash);
    return out;
  }
  const packed = Buffer.from(row.hex!, 'hex');
  return Array.from({ length: size }, (_, i) => packed.subarray(i * 32, i * 32 + 32));
}

/** The signed root at `size`, or the root recomputed from the stored leaves when no head has that size. */
export async function rootAt(deps: Pick<ServiceDeps, 'db'>, leaves: readonly Buffer[], size: number): Promise<{ rootHash: string; head: PublicTreeHead | null }> {
  const head = await treeHeadAt(deps, size);
  return head ? { rootHash: head.rootHash, head: publicTreeHead(head) } : { rootHash: merkleRoot(leaves.slice(0, size)).toString('hex'), head: null };
}
