// merkleLevels / inclusionProofs must give exactly RFC 6962's audit paths: checked against the
// recursive per-leaf inclusionProof for every leaf of every tree size 1..70, against the
// certificate-transparency vectors, and through verifyInclusion.
import { describe, expect, it } from 'vitest';
import { inclusionProof, leafHash, merkleRoot, verifyInclusion } from '../../src/domain/evidence/merkle.ts';
import { inclusionProofs, merkleLevels } from '../../src/domain/evidence/merkle-levels.ts';

const hex = (s: string) => Buffer.from(s, 'hex');
const synthetic = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const ctHashes = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((l) => leafHash(hex(l)));
// transparency-dev/merkle proof/verify_test.go (0-based leaf, tree size, path, root).
const ROOT8 = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';
const vectors: [number, number, string[], string][] = [
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'], ROOT8],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'], ROOT8],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'], 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77'],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'], '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4'],
  [0, 1, [], '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'],
];

describe('merkleLevels', () => {
  it('gives the per-leaf RFC 6962 path for every leaf of every size 1..70, and each verifies', () => {
    const all = synthetic(70);
    for (let size = 1; size <= 70; size++) {
      const tree = all.slice(0, size);
      const levels = merkleLevels(tree);
      const root = merkleRoot(tree);
      expect(levels.root().equals(root), `root of ${size}`).toBe(true);
      expect(levels.size).toBe(size);
      const batch = inclusionProofs(tree, tree.keys());
      for (let index = 0; index < size; index++) {
        const want = inclusionProof(tree, index).map((h) => h.toString('hex'));
        expect(levels.proof(index).map((h) => h.toString('hex')), `leaf ${index} of ${size}`).toEqual(want);
        expect(batch.get(index)!.map((h) => h.toString('hex'))).toEqual(want);
        expect(verifyInclusion({ leafHash: tree[index]!, index, size, proof: levels.proof(index), root })).toBe(true);
        // The path is position-bound: the neighbour's index with this path fails.
        if (size > 1) expect(verifyInclusion({ leafHash: tree[index]!, index: (index + 1) % size, size, proof: levels.proof(index), root })).toBe(false);
      }
    }
  });

  it.each(vectors)('leaf %i of %i matches the certificate-transparency vector', (index, size, want, root) => {
    const levels = merkleLevels(ctHashes.slice(0, size));
    expect(levels.root().toString('hex')).toBe(root);
    expect(levels.proof(index).map((h) => h.toString('hex'))).toEqual(want);
    expect(inclusionProofs(ctHashes.slice(0, size), [index, index]).get(index)!.map((h) => h.toString('hex'))).toEqual(want);
    expect(verifyInclusion({ leafHash: ctHashes[index]!, index, size, proof: levels.proof(index), root: hex(root) })).toBe(true);
  });

  it('has the empty root for no leaves and rejects positions outside the tree', () => {
    expect(merkleLevels([]).root().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(() => merkleLevels([]).proof(0)).toThrow(RangeError);
    const levels = merkleLevels(synthetic(5));
    for (const bad of [-1, 5, 1.5, Number.NaN]) expect(() => levels.proof(bad)).toThrow(RangeError);
    expect(() => inclusionProofs(synthetic(3), [0, 3])).toThrow(RangeError);
  });

  it('builds a large tree with n − 1 hashes, not one subtree rebuild per proof', () => {
    const leaves = synthetic(4097);
    const levels = merkleLevels(leaves);
    expect(levels.root().equals(merkleRoot(leaves))).toBe(true);
    for (const index of [0, 1, 2047, 4095, 4096]) {
      expect(levels.proof(index)).toEqual(inclusionProof(leaves, index));
      expect(levels.proof(index)).toHaveLength(index === 4096 ? 1 : 13);
    }
  });
});
