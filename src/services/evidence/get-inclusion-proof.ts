// An RFC 6962 audit path proving that entry `index` is in the signed tree of `size` entries:
// anyone holding the entry and the signed head can check it without trusting our database.
import type { Actor } from '../../domain/actor.ts';
import { inclusionProof } from '../../domain/evidence/merkle.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { latestTreeHead, leafHashesUpTo, rootAt, type PublicTreeHead } from './signed-heads.ts';

export interface InclusionProof {
  index: number;
  size: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
  /** The signed head with this size, or null when `size` is between two signed heads. */
  head: PublicTreeHead | null;
}

/**
 * `size` defaults to the latest signed head; `actor` is checked when given (REST), omitted by
 * internal callers such as the evidence pack builder.
 * @example const p = await getInclusionProof(deps, { index: 3 }); verifyInclusion({ …p, proof: p.proof.map(hexToBuffer) })
 */
export async function getInclusionProof(deps: ServiceDeps, opts: { index: number; size?: number; actor?: Actor }): Promise<InclusionProof> {
  if (opts.actor) authorize(opts.actor, 'evidence.read');
  const { index } = opts;
  if (!Number.isSafeInteger(index) || index < 0) throw new AppError('bad_request', `条目序号必须是非负整数：${index}`);
  const latest = await latestTreeHead(deps);
  const size = opts.size ?? latest.size;
  if (!Number.isSafeInteger(size) || size < 1) throw new AppError('bad_request', `树的大小必须是正整数：${size}`);
  if (size > latest.size) throw new AppError('not_found', `最新签名树头只包含 ${latest.size} 条证据，没有大小为 ${size} 的树`);
  if (index >= size) throw new AppError('not_found', `条目 #${index} 不在大小为 ${size} 的树中（序号从 0 开始）`);
  const leaves = await leafHashesUpTo(deps, size);
  const { rootHash, head } = await rootAt(deps, leaves, size);
  return {
    index,
    size,
    leafHash: leaves[index]!.toString('hex'),
    proof: inclusionProof(leaves, index).map((h) => h.toString('hex')),
    rootHash,
    head,
  };
}
