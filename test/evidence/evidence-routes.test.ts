// The ledger's REST surface: public key and head for anyone; proofs for HR, which verify.
import { describe, expect, it } from 'vitest';
import { treeHeadText } from '../../src/domain/evidence/tree-head-text.ts';
import { verifyConsistency, verifyInclusion } from '../../src/domain/evidence/merkle.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedLedger } from './ledger-fixture.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);
const empty = createTestApp(await createTestDb());
await seedLedger(t.deps, 3); // 5 entries, heads at 2 and 5
const h = (s: string) => Buffer.from(s, 'hex');
const bearer = async (roles: Parameters<typeof makeActor>[1]) => {
  const { employee } = await makeActor(t.deps, roles);
  const { token } = await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' });
  return { Authorization: `Bearer ${token}` };
};

describe('public ledger endpoints', () => {
  it('serves the public key as PEM without authentication', async () => {
    const res = await request.get('/api/v1/evidence/public-key');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    expect(res.text).toBe(t.deps.ledgerKey.publicKeyPem);
    expect(res.headers['x-key-id']).toBe(t.deps.ledgerKey.keyId);
  });

  it('serves the latest signed head, whose signature verifies over its text', async () => {
    const res = await request.get('/api/v1/evidence/tree-head');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ size: 5, keyId: t.deps.ledgerKey.keyId, tsaToken: null });
    expect(res.body.text).toBe(treeHeadText(res.body));
    expect(t.deps.ledgerKey.verify(Buffer.from(res.body.text), Buffer.from(res.body.signature, 'base64'))).toBe(true);
  });

  it('is described in openapi.json', async () => {
    const res = await request.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/evidence/public-key', '/evidence/tree-head', '/evidence/entries/{index}/inclusion-proof', '/evidence/consistency-proof']));
  });

  it('says so when nothing has been signed yet', async () => {
    const res = await empty.request.get('/api/v1/evidence/tree-head');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/还没有签名树头/);
  });
});

describe('proofs', () => {
  it('every inclusion proof, at the latest and at an older head, verifies against the signed root', async () => {
    for (const size of [undefined, 2]) {
      for (let index = 0; index < (size ?? 5); index++) {
        const res = await request.get(`/api/v1/evidence/entries/${index}/inclusion-proof`).query(size ? { size } : {}).set(auth);
        expect(res.status).toBe(200);
        const entry = await t.db.evidenceEntry.findUniqueOrThrow({ where: { index } });
        const head = await t.db.treeHead.findUniqueOrThrow({ where: { size: size ?? 5 } });
        expect(res.body).toMatchObject({ index, size: size ?? 5, leafHash: entry.leafHash, rootHash: head.rootHash, head: { signature: head.signature } });
        expect(verifyInclusion({ leafHash: h(res.body.leafHash), index, size: res.body.size, proof: res.body.proof.map(h), root: h(head.rootHash) })).toBe(true);
      }
    }
  });

  it('a consistency proof between the two signed heads verifies', async () => {
    const res = await request.get('/api/v1/evidence/consistency-proof').query({ from: 2 }).set(auth);
    expect(res.status).toBe(200);
    const [old, latest] = await t.db.treeHead.findMany({ orderBy: { size: 'asc' } });
    expect(res.body).toMatchObject({ from: 2, to: 5, fromRoot: old!.rootHash, toRoot: latest!.rootHash });
    expect(verifyConsistency({ oldSize: 2, newSize: 5, oldRoot: h(old!.rootHash), newRoot: h(latest!.rootHash), proof: res.body.proof.map(h) })).toBe(true);
    expect(verifyConsistency({ oldSize: 2, newSize: 5, oldRoot: h(latest!.rootHash), newRoot: h(latest!.rootHash), proof: res.body.proof.map(h) })).toBe(false);
  });

  it.each([
    ['/evidence/entries/abc/inclusion-proof', 400, /非负整数/],
    ['/evidence/entries/-1/inclusion-proof', 400, /非负整数/],
    ['/evidence/entries/1.5/inclusion-proof', 400, /非负整数/],
    ['/evidence/entries/99999999999/inclusion-proof', 400, /非负整数/],
    ['/evidence/entries/5/inclusion-proof', 404, /不在大小为 5 的树中/],
    ['/evidence/entries/0/inclusion-proof?size=0', 400, /正整数/],
    ['/evidence/entries/0/inclusion-proof?size=6', 404, /只包含 5 条/],
    ['/evidence/entries/3/inclusion-proof?size=2', 404, /不在大小为 2 的树中/],
    ['/evidence/entries/0/inclusion-proof?size=2&x=1', 400, /输入不合法/],
    ['/evidence/consistency-proof', 400, /输入不合法/],
    ['/evidence/consistency-proof?from=4&to=3', 400, /不能大于/],
    ['/evidence/consistency-proof?from=1&to=9', 404, /只包含 5 条/],
    ['/evidence/consistency-proof?from=x', 400, /输入不合法/],
  ])('GET %s → %i', async (path, status, message) => {
    const res = await request.get(`/api/v1${path}`).set(auth);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body.error)).toMatch(message);
  });

  it('proofs are for HR roles and admin only', async () => {
    expect((await request.get('/api/v1/evidence/entries/0/inclusion-proof')).status).toBe(401);
    for (const roles of [['EMPLOYEE'], ['MANAGER'], ['FINANCE']] as const) {
      const res = await request.get('/api/v1/evidence/consistency-proof?from=1').set(await bearer([...roles]));
      expect(res.status, roles.join()).toBe(403);
    }
    expect((await request.get('/api/v1/evidence/entries/0/inclusion-proof').set(await bearer(['HR_SPECIALIST']))).status).toBe(200);
    expect((await request.get('/api/v1/evidence/consistency-proof?from=1').set(await bearer(['HR_MANAGER']))).status).toBe(200);
  });
});
