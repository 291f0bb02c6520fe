// Signs a tree head over the whole ledger: the Merkle root of every entry so far, signed with the
// company's Ed25519 key and, when TSA_URL is set, time-stamped by an RFC 3161 authority. Once a
// head is published, rewriting any earlier entry changes the root and is detectable
// (《电子签名法》第十三条：签署后对数据电文的任何改动能够被发现).
import { Prisma } from '../../generated/prisma/client.ts';
import { systemActor } from '../../domain/actor.ts';
import { createMerkleAccumulator } from '../../domain/evidence/merkle.ts';
import { treeHeadText } from '../../domain/evidence/tree-head-text.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { ledgerLeafHashes, ledgerSize } from './ledger-leaves.ts';

export interface SealedTreeHead {
  size: number;
  rootHash: string;
  /** false when the latest head already covered every entry (or another sealer won the race). */
  created: boolean;
  /** Why the time-stamp is missing, when TSA_URL is set but the authority failed. */
  tsaError?: string;
}

/** MTH of entries 0..size-1, streamed from the stored leaf hashes. */
export async function ledgerRoot(deps: Pick<ServiceDeps, 'db'>, size: number): Promise<Buffer> {
  const acc = createMerkleAccumulator();
  for await (const hash of ledgerLeafHashes(deps.db, size)) acc.push(hash);
  return acc.root();
}

/**
 * Call after the transaction that appended evidence has committed. Never blocks on the TSA:
 * a head without a token is still signed, and the next head gets a new chance at a token.
 * @example const head = await sealTreeHead(deps); // → { size: 12, rootHash: '5dc9…', created: true }
 */
export async function sealTreeHead(deps: ServiceDeps): Promise<SealedTreeHead> {
  const latest = () => deps.db.treeHead.findFirst({ orderBy: { size: 'desc' } });
  const size = await ledgerSize(deps.db);
  const before = await latest();
  if (before && before.size >= size) return { size: before.size, rootHash: before.rootHash, created: false };
  if (size === 0) return { size: 0, rootHash: (await ledgerRoot(deps, 0)).toString('hex'), created: false };

  const rootHash = (await ledgerRoot(deps, size)).toString('hex');
  const signedAt = deps.now();
  const text = Buffer.from(treeHeadText({ size, rootHash, signedAt: signedAt.toISOString(), keyId: deps.ledgerKey.keyId }), 'utf8');
  const signature = deps.ledgerKey.sign(text).toString('base64');
  let tsaToken: Buffer | undefined;
  let tsaError: string | undefined;
  if (deps.tsa) {
    try {
      tsaToken = await deps.tsa.stamp(text);
    } catch (error) {
      tsaError = (error as Error).message;
    }
  }
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.treeHead.create({ data: { size, rootHash, signature, keyId: deps.ledgerKey.keyId, signedAt, tsaToken: tsaToken ? new Uint8Array(tsaToken) : null } });
      await writeAuditEvent(tx, systemActor('evidence-ledger', '证据台账'), {
        type: 'evidence.head_signed',
        data: { size, rootHash, keyId: deps.ledgerKey.keyId, tsa: Boolean(tsaToken) },
      });
    });
  } catch (error) {
    // A concurrent sealer signed the same size first: its head is as good as ours.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const head = await deps.db.treeHead.findUniqueOrThrow({ where: { size } });
      return { size: head.size, rootHash: head.rootHash, created: false };
    }
    throw error;
  }
  return { size, rootHash, created: true, ...(tsaError !== undefined && { tsaError }) };
}
