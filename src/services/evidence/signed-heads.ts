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

/** Stored leaf hashes 0..size-1 (32 bytes each: fine for proofs up to a few million entries). */
export async function leafHashesUpTo(deps: Pick<ServiceDeps, 'db'>, size: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const hash of ledgerLeafHashes(deps.db, size)) out.push(hash);
  return out;
}

/** The signed root at `size`, or the root recomputed from the stored leaves when no head has that size. */
export async function rootAt(deps: Pick<ServiceDeps, 'db'>, leaves: readonly Buffer[], size: number): Promise<{ rootHash: string; head: PublicTreeHead | null }> {
  const head = await treeHeadAt(deps, size);
  return head ? { rootHash: head.rootHash, head: publicTreeHead(head) } : { rootHash: merkleRoot(leaves.slice(0, size)).toString('hex'), head: null };
}
