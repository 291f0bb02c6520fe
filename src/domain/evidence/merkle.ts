// RFC 6962 §2.1 Merkle tree hashing (as restated in RFC 9162 §2.1): leaf = SHA-256(0x00‖data),
// node = SHA-256(0x01‖left‖right). The distinct prefixes stop a leaf from posing as a node. Any
// CT tool (or a 20-line script) can recompute our roots and check our proofs without our code.
import { hash } from 'node:crypto';

// The one-shot crypto.hash: verification hashes two nodes per leaf, and a Hash object per node
// costs about as much again as the hashing itself.
const sha256 = (...parts: Uint8Array[]): Buffer => hash('sha256', parts.length === 1 ? parts[0]! : Buffer.concat(parts), 'buffer');

/** @example leafHash(Buffer.alloc(0)).toString('hex') // → '6e340b9c…' */
export function leafHash(data: Uint8Array): Buffer {
  return sha256(Buffer.of(0x00), data);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(Buffer.of(0x01), left, right);
}

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point k. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over already-hashed leaves; the empty tree's hash is SHA-256 of the empty string. */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  const acc = createMerkleAccumulator();
  for (const h of leafHashes) acc.push(h);
  return acc.root();
}

/**
 * Computes MTH incrementally in O(log n) memory (a stack of perfect subtrees), so the verifier
 * can stream millions of entries and read off the root at every signed size on the way.
 * @example const acc = createMerkleAccumulator(); acc.push(leafHash(data)); acc.root();
 */
export function createMerkleAccumulator() {
  const stack: { hash: Buffer; size: number }[] = [];
  let count = 0;
  return {
    push(hash: Buffer): void {
      let node = { hash, size: 1 };
      while (stack.length > 0 && stack[stack.length - 1]!.size === node.size) {
        const left = stack.pop()!;
        node = { hash: nodeHash(left.hash, node.hash), size: left.size * 2 };
      }
      stack.push(node);
      count++;
    },
    size: () => count,
    root(): Buffer {
      if (stack.length === 0) return sha256();
      let r = stack[stack.length - 1]!.hash;
      for (let i = stack.length - 2; i >= 0; i--) r = nodeHash(stack[i]!.hash, r);
      return r;
    },
  };
}

function mth(leaves: readonly Buffer[], from: number, to: number): Buffer {
  return merkleRoot(leaves.slice(from, to));
}

/** RFC 6962 §2.1.1 PATH(m, D[n]): the audit path of leaf `index` in the tree of all given leaves. */
export function inclusionProof(leafHashes: readonly Buffer[], index: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= leafHashes.length) throw new RangeError(`leaf ${index} is not in a tree of size ${leafHashes.length}`);
  const path: Buffer[] = [];
  let [from, to, m] = [0, leafHashes.length, index];
  while (to - from > 1) {
    const k = splitPoint(to - from);
    if (m < k) {
      path.push(mth(leafHashes, from + k, to));
      to = from + k;
    } else {
      path.push(mth(leafHashes, from, from + k));
      from += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]) between the first `oldSize` leaves and all given leaves. */
export function consistencyProof(leafHashes: readonly Buffer[], oldSize: number): Buffer[] {
  const n = leafHashes.length;
  if (!Number.isInteger(oldSize) || oldSize < 0 || oldSize > n) throw new RangeError(`size ${oldSize} is not within a tree of size ${n}`);
  if (oldSize === 0 || oldSize === n) return [];
  const proof: Buffer[] = [];
  // SUBPROOF(m, D[from:to], b), unrolled: each step appends one hash, which RFC order puts last.
  let [from, to, m, complete] = [0, n, oldSize, true];
  while (m !== to - from) {
    const k = splitPoint(to - from);
    if (m <= k) {
      proof.push(mth(leafHashes, from + k, to));
      to = from + k;
    } else {
      proof.push(mth(leafHashes, from, from + k));
      from += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) proof.push(mth(leafHashes, from, to));
  return proof.reverse();
}

const isHash = (b: Uint8Array) => b.length === 32;

/** RFC 9162 §2.1.3.2: recomputes the root from a leaf hash and its audit path. */
export function verifyInclusion(o: { leafHash: Buffer; index: number; size: number; proof: readonly Buffer[]; root: Buffer }): boolean {
  const { index, size } = o;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (!isHash(o.leafHash) || !isHash(o.root) || !o.proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r = o.leafHash;
  for (const p of o.proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(o.root);
}

/** RFC 9162 §2.1.4.2: checks that the tree of `newSize` leaves extends the tree of `oldSize`. */
export function verifyConsistency(o: { oldSize: number; newSize: number; oldRoot: Buffer; newRoot: Buffer; proof: readonly Buffer[] }): boolean {
  const { oldSize, newSize } = o;
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) return false;
  if (!isHash(o.oldRoot) || !isHash(o.newRoot) || !o.proof.every(isHash)) return false;
  // Every tree extends the empty tree; a tree is consistent with itself when the roots agree.
  if (oldSize === 0) return o.proof.length === 0;
  if (oldSize === newSize) return o.proof.length === 0 && o.oldRoot.equals(o.newRoot);
  if (o.proof.length === 0) return false;
  const path = (oldSize & (oldSize - 1)) === 0 ? [o.oldRoot, ...o.proof] : [...o.proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(o.oldRoot) && sr.equals(o.newRoot);
}
