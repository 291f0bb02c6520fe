// Every level of an RFC 6962 Merkle tree, built once bottom-up, so many audit paths cost O(log n)
// each instead of rebuilding subtrees from the leaves per path (inclusionProof in merkle.ts).
// Building pairs neighbours level by level and carries a lone last node up unchanged; that is
// the same tree as RFC 6962 §2.1's split at the largest power of two below n, because every left
// subtree of that split is perfect and the carried node is exactly the right subtree's root.
import { createHash } from 'node:crypto';
import { nodeHash } from './merkle.ts';

export interface MerkleLevels {
  readonly size: number;
  /** MTH(D[n]); SHA-256 of the empty string for the empty tree. */
  root(): Buffer;
  /** RFC 6962 §2.1.1 PATH(index, D[n]), leaf to root, identical to inclusionProof(leaves, index). */
  proof(index: number): Buffer[];
}

/**
 * n − 1 node hashes and about 2n references held; each proof then reads one node per level.
 * @example const tree = merkleLevels(leaves); const path = tree.proof(5); tree.root();
 */
export function merkleLevels(leafHashes: readonly Buffer[]): MerkleLevels {
  const levels: (readonly Buffer[])[] = [leafHashes];
  for (let below = leafHashes; below.length > 1; ) {
    const above: Buffer[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i]!, below[i + 1]!));
    if (below.length % 2 === 1) above.push(below[below.length - 1]!);
    levels.push(above);
    below = above;
  }
  const size = leafHashes.length;
  return {
    size,
    root: () => (size === 0 ? createHash('sha256').digest() : levels[levels.length - 1]![0]!),
    proof(index: number): Buffer[] {
      if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
      const path: Buffer[] = [];
      let at = index;
      for (const level of levels.slice(0, -1)) {
        // A lone last node has no sibling on this level: it is carried up, adding nothing to the path.
        const sibling = at ^ 1;
        if (sibling < level.length) path.push(level[sibling]!);
        at >>= 1;
      }
      return path;
    },
  };
}

/** Audit paths of several leaves of one tree, keyed by leaf index. @example inclusionProofs(leaves, [3, 17]).get(17) */
export function inclusionProofs(leafHashes: readonly Buffer[], indexes: Iterable<number>): Map<number, Buffer[]> {
  const tree = merkleLevels(leafHashes);
  const out = new Map<number, Buffer[]>();
  for (const index of indexes) if (!out.has(index)) out.set(index, tree.proof(index));
  return out;
}
