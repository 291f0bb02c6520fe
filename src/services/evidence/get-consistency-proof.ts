// An RFC 6962 consistency proof: the tree of `to` entries extends the tree of `from` entries
// without changing any of them. Someone who kept an old signed head can check that nothing
// recorded before it was rewritten since.
import type { Actor } from '../../domain/actor.ts';
import { consistencyProof } from '../../domain/evidence/merkle.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { latestTreeHead, leafHashesUpTo, rootAt, type PublicTreeHead } from './signed-heads.ts';

export interface ConsistencyProof {
  from: number;
  to: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
  fromHead: PublicTreeHead | null;
  toHead: PublicTreeHead | null;
}

/**
 * `to` defaults to the latest signed head.
 * @example const p = await getConsistencyProof(deps, { from: 4, to: 9 }); // p.proof: hex hashes
 */
export async function getConsistencyProof(deps: ServiceDeps, opts: { from: number; to?: number; actor?: Actor }): Promise<ConsistencyProof> {
  if (opts.actor) authorize(opts.actor, 'evidence.read');
  const latest = await latestTreeHead(deps);
  const { from } = opts;
  const to = opts.to ?? latest.size;
  if (!Number.isSafeInteger(from) || from < 0) throw new AppError('bad_request', `起始树大小应为非负整数（收到：${from}）`);
  if (!Number.isSafeInteger(to) || to < 1) throw new AppError('bad_request', `结束树大小应为正整数（收到：${to}）`);
  if (from > to) throw new AppError('bad_request', `起始树大小（${from}）不能大于结束树大小（${to}）`);
  if (to > latest.size) throw new AppError('not_found', `最新签名树头只包含 ${latest.size} 条证据，没有大小为 ${to} 的树`);
  const leaves = await leafHashesUpTo(deps, to);
  const older = await rootAt(deps, leaves, from);
  const newer = await rootAt(deps, leaves, to);
  return {
    from,
    to,
    fromRoot: older.rootHash,
    toRoot: newer.rootHash,
    proof: consistencyProof(leaves, from).map((h) => h.toString('hex')),
    fromHead: older.head,
    toHead: newer.head,
  };
}
