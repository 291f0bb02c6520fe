// Sealing: a signed (and time-stamped) head per new ledger size, checkable with stock OpenSSL.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTsaClient, readTrustedRoots } from '../../src/crypto/tsa-client.ts';
import { readTimestampToken } from '../../src/crypto/tsa-token.ts';
import { treeHeadText } from '../../src/domain/evidence/tree-head-text.ts';
import { sealTreeHead } from '../../src/services/evidence/seal-tree-head.ts';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { startFakeTsaServer } from '../fakes/fake-tsa-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedLedger, storeDocument } from './ledger-fixture.ts';
import { appendEvidence } from '../../src/services/evidence/append-evidence.ts';

const run = promisify(execFile);
const t = await createTestDb({ now: () => new Date('2026-12-01T06:00:00.000Z') });
const tsaServer = await startFakeTsaServer();
afterAll(() => tsaServer.close());
const deps = { ...t.deps, tsa: createTsaClient(tsaServer.url, { timeoutMs: 5000, trustedRoots: readTrustedRoots(tsaServer.caPem) }) };

async function appendOne(label: string) {
  const sha256 = await storeDocument(deps, Buffer.from(label));
  await t.db.$transaction((tx) => appendEvidence(tx, { type: 'document', subjectType: 'employee', subjectId: label, payload: { kind: 'file', sha256, mediaType: 'text/plain' }, metadata: {}, at: deps.now() }));
}

describe('sealTreeHead', () => {
  it('has nothing to sign on an empty ledger', async () => {
    expect(await sealTreeHead(deps)).toEqual({ size: 0, rootHash: createHash('sha256').digest('hex'), created: false });
    expect(await t.db.treeHead.count()).toBe(0);
  });

  it('signs and time-stamps a head over the ledger once, and audits it', async () => {
    await seedLedger(deps, 1);
    const heads = await t.db.treeHead.findMany({ orderBy: { size: 'asc' } });
    expect(heads.map((h) => h.size)).toEqual([2, 3]);
    for (const head of heads) {
      const text = treeHeadText({ size: head.size, rootHash: head.rootHash, signedAt: head.signedAt.toISOString(), keyId: head.keyId });
      expect(head.tsaToken).not.toBeNull();
      const token = readTimestampToken(Buffer.from(head.tsaToken!));
      expect(token.messageImprint.toString('hex')).toBe(createHash('sha256').update(text).digest('hex'));
      expect(deps.ledgerKey.verify(Buffer.from(text), Buffer.from(head.signature, 'base64'))).toBe(true);
    }
    expect(await sealTreeHead(deps)).toEqual({ size: 3, rootHash: heads[1]!.rootHash, created: false });
    const events = await t.db.auditEvent.findMany({ where: { type: 'evidence.head_signed' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.data)).toEqual([
      { size: 2, rootHash: heads[0]!.rootHash, keyId: deps.ledgerKey.keyId, tsa: true },
      { size: 3, rootHash: heads[1]!.rootHash, keyId: deps.ledgerKey.keyId, tsa: true },
    ]);
    expect(await verifyLedger(deps)).toEqual({ ok: true, entries: 3, heads: 2 });
  });

  it('still signs when the TSA fails, reporting why, and the next head gets a token again', async () => {
    await appendOne('tsa-down');
    tsaServer.misbehaveNext('http-500');
    const sealed = await sealTreeHead(deps);
    expect(sealed).toMatchObject({ size: 4, created: true, tsaError: expect.any(String) });
    expect((await t.db.treeHead.findUniqueOrThrow({ where: { size: 4 } })).tsaToken).toBeNull();
    await appendOne('tsa-up');
    expect(await sealTreeHead(deps)).toMatchObject({ size: 5, created: true });
    expect((await t.db.treeHead.findUniqueOrThrow({ where: { size: 5 } })).tsaToken).not.toBeNull();
    expect(await verifyLedger(deps)).toEqual({ ok: true, entries: 5, heads: 4 });
  });

  it('a head signature verifies with stock OpenSSL and the exported PEM; a changed head does not', async () => {
    const head = await t.db.treeHead.findFirstOrThrow({ orderBy: { size: 'desc' } });
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-openssl-'));
    const text = treeHeadText({ size: head.size, rootHash: head.rootHash, signedAt: head.signedAt.toISOString(), keyId: head.keyId });
    writeFileSync(join(dir, 'public.pem'), deps.ledgerKey.publicKeyPem);
    writeFileSync(join(dir, 'head.txt'), text);
    writeFileSync(join(dir, 'head.sig'), Buffer.from(head.signature, 'base64'));
    writeFileSync(join(dir, 'forged.txt'), text.replace(`size: ${head.size}`, `size: ${head.size + 1}`));
    const verify = (file: string) => run('/usr/bin/openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'public.pem', '-rawin', '-in', file, '-sigfile', 'head.sig'], { cwd: dir });
    await expect(verify('head.txt')).resolves.toMatchObject({ stdout: expect.stringMatching(/Signature Verified Successfully/) });
    await expect(verify('forged.txt')).rejects.toThrow();
    // keyId is the SHA-256 of the SPKI DER that the PEM holds.
    const der = await run('/usr/bin/openssl', ['pkey', '-pubin', '-in', 'public.pem', '-outform', 'DER'], { cwd: dir, encoding: 'buffer' });
    expect(createHash('sha256').update(der.stdout).digest('hex')).toBe(head.keyId);
  });
});
