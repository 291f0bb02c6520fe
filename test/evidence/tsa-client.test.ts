import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTsaClient, readTrustedRoots } from '../../src/crypto/tsa-client.ts';
import { readTimestampToken } from '../../src/crypto/tsa-token.ts';
import { buildEvidencePack } from '../../src/services/evidence/build-evidence-pack.ts';
import { readPackZip } from '../../src/services/evidence/read-pack-zip.ts';
import { sealTreeHead } from '../../src/services/evidence/seal-tree-head.ts';
import { verifyEvidencePack } from '../../src/services/evidence/verify-evidence-pack.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedPackLedger } from './pack-fixture.ts';
import { startFakeTsaServer, type FakeTsaServer } from '../fakes/fake-tsa-server.ts';

const run = promisify(execFile);
const t = await createTestDb();
const head = Buffer.from('shebao-sentinel evidence tree head v1\nsize: 3\nroot: ab\ntime: 2026-12-01T00:00:00.000Z\nkey: k\n');

describe('RFC 3161 client against a real `openssl ts -reply` TSA', () => {
  let tsa: FakeTsaServer;
  let dir: string;
  beforeAll(async () => {
    tsa = await startFakeTsaServer();
    dir = mkdtempSync(join(tmpdir(), 'tsa-test-'));
  }, 30_000);
  afterAll(async () => {
    await tsa.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets a token over the data that openssl ts -verify accepts, with a nonce and the SHA-256 imprint', async () => {
    const before = Date.now();
    const token = await createTsaClient(tsa.url, { trustedRoots: readTrustedRoots(tsa.caPem) }).stamp(head);
    const facts = readTimestampToken(token);
    expect(facts.hashAlgorithm).toBe('sha256');
    expect(facts.messageImprint.equals(createHash('sha256').update(head).digest())).toBe(true);
    expect(facts.genTime.getTime()).toBeGreaterThanOrEqual(before - 2000);
    expect(facts.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(facts.nonce).toMatch(/^[0-9a-f]+$/);

    // The request itself: version 1, SHA-256, nonce, certReq.
    const queryText = await run('openssl', ['ts', '-query', '-in', writeTmp('q.tsq', tsa.queries.at(-1) as Buffer), '-text']);
    expect(queryText.stdout).toMatch(/Version: 1/);
    expect(queryText.stdout).toMatch(/Hash Algorithm: sha256/);
    expect(queryText.stdout).toMatch(/Certificate required: yes/);
    expect(queryText.stdout).not.toMatch(/Nonce: unspecified/);

    const args = ['ts', '-verify', '-data', writeTmp('head.txt', head), '-in', writeTmp('head.tsr', token), '-token_in', '-CAfile', tsa.caPem, '-untrusted', tsa.tsaPem];
    const ok = await run('openssl', args);
    expect(ok.stdout).toMatch(/Verification: OK/);

    // The same token does not verify other data.
    args[3] = writeTmp('other.txt', Buffer.from('tampered'));
    await expect(run('openssl', args)).rejects.toThrow();
  });

  it.each([
    ['http-500', /HTTP 500/],
    ['garbage', /TimeStampResp/],
    ['wrong-nonce', /nonce mismatch/],
    ['wrong-imprint', /imprint mismatch/],
    ['rejection', /拒绝.*status 2.*policy not supported/],
  ] as const)('refuses a TSA answering %s with a clear error', async (kind, message) => {
    tsa.misbehaveNext(kind);
    await expect(createTsaClient(tsa.url, { trustedRoots: readTrustedRoots(tsa.caPem) }).stamp(head)).rejects.toThrow(message);
  });

  it('times out on a TSA that never answers', async () => {
    tsa.misbehaveNext('hang');
    await expect(createTsaClient(tsa.url, { timeoutMs: 300, trustedRoots: readTrustedRoots(tsa.caPem) }).stamp(head)).rejects.toThrow(/300 ms 内没有响应.*timeout/);
  });

  it('reports an unreachable TSA', async () => {
    await expect(createTsaClient('http://127.0.0.1:1/tsa', { timeoutMs: 2000 }).stamp(head)).rejects.toThrow(/无法连接时间戳服务/);
  });

  it('refuses to read a token that is not one', () => {
    expect(() => readTimestampToken(Buffer.from('nope'))).toThrow(/时间戳令牌无法解析/);
  });

  it('sealTreeHead with a TSA stores the token, and the evidence pack ships it for openssl ts -verify', async () => {
    const deps = { ...t.deps, tsa: createTsaClient(tsa.url, { trustedRoots: readTrustedRoots(tsa.caPem) }) };
    const seeded = await seedPackLedger(deps);
    const sealed = await sealTreeHead(deps);
    expect(sealed).toMatchObject({ size: 4, created: true });
    const head = await deps.db.treeHead.findUniqueOrThrow({ where: { size: 4 } });
    expect(head.tsaToken).not.toBeNull();
    expect(readTimestampToken(Buffer.from(head.tsaToken as Uint8Array)).hashAlgorithm).toBe('sha256');

    const pack = await buildEvidencePack(deps, { scope: { kind: 'employee', employeeId: seeded.employee.id }, actor: seeded.hr });
    const files = await readPackZip(pack.zip);
    const tsr = files.get('tree-head.tsr') as Buffer;
    expect(tsr.equals(Buffer.from(head.tsaToken as Uint8Array))).toBe(true);
    const readme = (files.get('README.md') as Buffer).toString();
    expect(readme).toContain('openssl ts -verify -data tree-head.txt -in tree-head.tsr -token_in -CAfile');
    const ok = await run('openssl', ['ts', '-verify', '-data', writeTmp('pack-head.txt', files.get('tree-head.txt') as Buffer), '-in', writeTmp('pack-head.tsr', tsr), '-token_in', '-CAfile', tsa.caPem, '-untrusted', tsa.tsaPem]);
    expect(ok.stdout).toMatch(/Verification: OK/);
    const v = await verifyEvidencePack(pack.zip, { publicKeyPem: deps.ledgerKey.publicKeyPem });
    expect(v.authentic).toBe(true);
    expect(v.timestampedAt).toMatch(/^\d{4}-/);
    expect(v.reasons.join('\n')).toContain('可信时间戳（RFC 3161）');
  });

  function writeTmp(name: string, bytes: Buffer): string {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  }
});
