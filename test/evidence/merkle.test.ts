// RFC 6962 test vectors from the certificate-transparency project (transparency-dev/merkle
// testonly/constants.go and proof/verify_test.go), plus exhaustive proofs for small trees.
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  createMerkleAccumulator,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../src/domain/evidence/merkle.ts';

const hex = (s: string) => Buffer.from(s, 'hex');
const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const hashes = leaves.map((l) => leafHash(l));
const roots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// [0-based leaf index, tree size, path] (verify_test.go lists 1-based leaves).
const inclusionVectors: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [0, 2, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7']],
  [1, 2, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d']],
];
const consistencyVectors: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];
const flip = (b: Buffer, at = 0) => {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 1;
  return c;
};
const synthetic = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

describe('RFC 6962 hashing', () => {
  it('matches the RFC 6962 hasher vectors (empty, leaf, node)', () => {
    expect(merkleRoot([]).toString('hex')).toBe(roots[0]);
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(leafHash(Buffer.from('L123456')).toString('hex')).toBe('395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56');
    expect(nodeHash(Buffer.from('N123'), Buffer.from('N456')).toString('hex')).toBe('aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb');
  });

  it('computes the CT roots for sizes 0..8, in one pass and from scratch', () => {
    const acc = createMerkleAccumulator();
    expect(acc.root().toString('hex')).toBe(roots[0]);
    for (let n = 1; n <= 8; n++) {
      acc.push(hashes[n - 1]!);
      expect(merkleRoot(hashes.slice(0, n)).toString('hex'), `size ${n}`).toBe(roots[n]);
      expect(acc.root().toString('hex')).toBe(roots[n]);
    }
  });
});

describe('inclusion proofs', () => {
  it.each(inclusionVectors)('leaf %i of %i matches the CT vector and verifies', (index, size, want) => {
    const proof = inclusionProof(hashes.slice(0, size), index);
    expect(proof.map((p) => p.toString('hex'))).toEqual(want);
    expect(verifyInclusion({ leafHash: hashes[index]!, index, size, proof, root: hex(roots[size]!) })).toBe(true);
  });

  it('every proof of every leaf of trees up to 20 verifies, and any flipped bit or wrong position fails', () => {
    const all = synthetic(20);
    for (let size = 1; size <= 20; size++) {
      const tree = all.slice(0, size);
      const root = merkleRoot(tree);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(tree, index);
        const ok = { leafHash: tree[index]!, index, size, proof, root };
        expect(verifyInclusion(ok)).toBe(true);
        expect(verifyInclusion({ ...ok, root: flip(root) })).toBe(false);
        expect(verifyInclusion({ ...ok, leafHash: flip(ok.leafHash, 31) })).toBe(false);
        expect(verifyInclusion({ ...ok, index: index + 1 })).toBe(false);
        expect(verifyInclusion({ ...ok, size: size * 2 })).toBe(false);
        expect(verifyInclusion({ ...ok, proof: [...proof, root] })).toBe(false);
        if (index > 0) expect(verifyInclusion({ ...ok, index: index - 1 })).toBe(false);
        proof.forEach((_, i) => expect(verifyInclusion({ ...ok, proof: proof.map((p, j) => (i === j ? flip(p) : p)) })).toBe(false));
        if (proof.length > 0) expect(verifyInclusion({ ...ok, proof: proof.slice(0, -1) })).toBe(false);
      }
    }
  });

  it('rejects impossible positions and malformed hashes', () => {
    const root = hex(roots[8]!);
    expect(verifyInclusion({ leafHash: hashes[0]!, index: 0, size: 0, proof: [], root })).toBe(false);
    expect(verifyInclusion({ leafHash: hashes[0]!, index: -1, size: 8, proof: [], root })).toBe(false);
    expect(verifyInclusion({ leafHash: Buffer.alloc(0), index: 0, size: 1, proof: [], root: Buffer.alloc(0) })).toBe(false);
    expect(() => inclusionProof(hashes, 8)).toThrow(RangeError);
  });
});

describe('consistency proofs', () => {
  it.each(consistencyVectors)('%i → %i matches the CT vector and verifies', (oldSize, newSize, want) => {
    const proof = consistencyProof(hashes.slice(0, newSize), oldSize);
    expect(proof.map((p) => p.toString('hex'))).toEqual(want);
    expect(verifyConsistency({ oldSize, newSize, oldRoot: hex(roots[oldSize]!), newRoot: hex(roots[newSize]!), proof })).toBe(true);
  });

  it('every pair of sizes up to 20 verifies, and any tampering fails', () => {
    const all = synthetic(20);
    for (let newSize = 1; newSize <= 20; newSize++) {
      const newRoot = merkleRoot(all.slice(0, newSize));
      for (let oldSize = 0; oldSize <= newSize; oldSize++) {
        const oldRoot = merkleRoot(all.slice(0, oldSize));
        const proof = consistencyProof(all.slice(0, newSize), oldSize);
        const ok = { oldSize, newSize, oldRoot, newRoot, proof };
        expect(verifyConsistency(ok), `${oldSize}→${newSize}`).toBe(true);
        if (oldSize === 0) continue;
        expect(verifyConsistency({ ...ok, oldRoot: flip(oldRoot) })).toBe(false);
        expect(verifyConsistency({ ...ok, newRoot: flip(newRoot) })).toBe(false);
        proof.forEach((_, i) => expect(verifyConsistency({ ...ok, proof: proof.map((p, j) => (i === j ? flip(p) : p)) })).toBe(false));
        if (oldSize < newSize) {
          expect(verifyConsistency({ ...ok, newSize: newSize * 2 })).toBe(false);
          expect(verifyConsistency({ ...ok, oldSize: oldSize + 1 === newSize ? oldSize - 1 : oldSize + 1 })).toBe(false);
          expect(verifyConsistency({ ...ok, proof: proof.slice(0, -1) })).toBe(false);
        }
      }
    }
  });

  it('a rewritten history is not consistent with the old root', () => {
    const honest = synthetic(8);
    const forged = [...honest.slice(0, 3), leafHash(Buffer.from('forged')), ...honest.slice(4)];
    const proof = consistencyProof(forged, 5);
    expect(verifyConsistency({ oldSize: 5, newSize: 8, oldRoot: merkleRoot(honest.slice(0, 5)), newRoot: merkleRoot(forged), proof })).toBe(false);
    expect(verifyConsistency({ oldSize: 9, newSize: 8, oldRoot: merkleRoot(honest), newRoot: merkleRoot(honest), proof: [] })).toBe(false);
  });
});
