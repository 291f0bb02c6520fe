// `sentinel evidence verify` as a real process against a real database and DATA_DIR: exit 0 when
// intact, 1 naming the entry after tampering; the public key is printable for outsiders.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { exportLedgerPrivateKey, ledgerKeyFromPrivateKey } from '../../src/crypto/ledger-key.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { runProcess } from '../e2e/server-process.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedLedger, storeDocument, tamper } from './ledger-fixture.ts';
import { appendEvidence } from '../../src/services/evidence/append-evidence.ts';

const t = await createTestDb();
const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-cli-data-'));
// The same ledger key (SENTINEL_LEDGER_KEY) and file store (DATA_DIR) as the CLI will use.
const { privateKey } = generateKeyPairSync('ed25519');
const deps = { ...t.deps, files: createLocalFileStore(join(dataDir, 'files')), ledgerKey: ledgerKeyFromPrivateKey(privateKey) };
const seeded = await seedLedger(deps);
const env = { DATABASE_URL: t.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SENTINEL_LEDGER_KEY: exportLedgerPrivateKey(privateKey) };
const cli = (...args: string[]) => runProcess(['src/cli/main.ts', ...args], env);

describe('sentinel evidence', () => {
  it('verify: exit 0 on an intact ledger, and signs a head over entries added since the last one', async () => {
    const sha256 = await storeDocument(deps, Buffer.from('未签名的新条目'));
    await t.db.$transaction((tx) => appendEvidence(tx, { type: 'document', subjectType: 'employee', subjectId: 'x', payload: { kind: 'file', sha256, mediaType: 'text/plain' }, metadata: {}, at: new Date() }));
    const run = await cli('evidence', 'verify');
    expect(run.output).toMatch(/verifying evidence ledger: 5\/5 entries/);
    expect(run.output).toMatch(/ledger OK: 5 entries, 3 signed heads/);
    expect(run.code).toBe(0);
    expect(await t.db.treeHead.findUnique({ where: { size: 5 } })).not.toBeNull();
  }, 60_000);

  it('verify: exit 1 naming the entry whose stored document had one byte changed, and again for a changed column', async () => {
    const file = join(dataDir, 'files', seeded.sha256.slice(0, 2), seeded.sha256);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original.subarray(0, -1), Buffer.from([original.at(-1)! ^ 0xff])]));
    try {
      const run = await cli('evidence', 'verify');
      expect(run.output).toMatch(/ledger BROKEN at entry #0 \(signature\): 文件内容已被改动/);
      expect(run.code).toBe(1);
    } finally {
      writeFileSync(file, original);
    }
    await tamper(t.url, `UPDATE "EvidenceEntry" SET "subjectId" = 'someone-else' WHERE index = 3`);
    const run = await cli('evidence', 'verify');
    expect(run.output).toMatch(/ledger BROKEN at entry #3 \(document\)/);
    expect(run.code).toBe(1);
  }, 90_000);

  it('public-key prints the PEM only; keys show adds the keyId', async () => {
    const pem = await cli('evidence', 'public-key');
    expect(pem.code).toBe(0);
    expect(pem.output).toBe(deps.ledgerKey.publicKeyPem);
    const keys = await cli('keys', 'show');
    expect(keys.output).toContain(`keyId ${deps.ledgerKey.keyId}`);
    expect(keys.output).toContain(deps.ledgerKey.publicKeyPem.trimEnd());
  }, 60_000);
});
