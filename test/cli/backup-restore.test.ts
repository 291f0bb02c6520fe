// `sentinel backup` then `sentinel restore` into a fresh DATA_DIR and an empty database, as real
// processes: the restored ledger passes `sentinel evidence verify`; a restore without the master
// key, with another master key or over existing data is refused and changes nothing.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSharedLedgerKey } from '../../src/services/evidence/load-shared-ledger-key.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { runProcess } from '../e2e/server-process.ts';
import { seedLedger } from '../evidence/ledger-fixture.ts';
import { createEmptyDb, createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';

const t = await createTestDb();
const source = mkdtempSync(join(tmpdir(), 'sentinel-source-'));
const masterKey = TEST_MASTER_KEY.toString('base64');
// The ledger is signed with the key the database keeps, as on a real instance.
const { key } = await loadSharedLedgerKey({ db: t.db, cipher: t.deps.cipher, dataDir: source });
await seedLedger({ ...t.deps, files: createLocalFileStore(join(source, 'files')), ledgerKey: key });
const cli = (env: Record<string, string>, ...args: string[]) => runProcess(['src/cli/main.ts', ...args], { LOG_LEVEL: 'warn', ...env });
const backupDir = join(mkdtempSync(join(tmpdir(), 'sentinel-backup-')), 'nightly');

describe('sentinel backup / restore', () => {
  it('backs up, and names the master key as the one thing to keep elsewhere', async () => {
    const run = await cli({ DATABASE_URL: t.url, DATA_DIR: source, SENTINEL_MASTER_KEY: masterKey }, 'backup', backupDir);
    expect(run.output).toMatch(/备份完成/);
    expect(run.output).toMatch(/主密钥不在备份中，请另行妥善保管（指纹 sha256:[0-9a-f]{16}/);
    expect(run.code).toBe(0);
    expect(readdirSync(backupDir).sort()).toEqual(['database.dump', 'files', 'manifest.json']);
    const again = await cli({ DATABASE_URL: t.url, DATA_DIR: source, SENTINEL_MASTER_KEY: masterKey }, 'backup', backupDir);
    expect([again.code, again.output]).toEqual([1, expect.stringMatching(/不是空的：请换一个新目录/)]);
  }, 60_000);

  it('refuses to restore without the master key, or with another one, and writes nothing', async () => {
    const target = await createEmptyDb();
    const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-restore-'));
    const none = await cli({ DATABASE_URL: target.url, DATA_DIR: dataDir }, 'restore', backupDir);
    expect([none.code, none.output]).toEqual([1, expect.stringMatching(/请先提供备份时的主密钥/)]);
    const other = await cli({ DATABASE_URL: target.url, DATA_DIR: dataDir, SENTINEL_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') }, 'restore', backupDir);
    expect([other.code, other.output]).toEqual([1, expect.stringMatching(/不是备份时的主密钥/)]);
    expect(existsSync(join(dataDir, 'master.key')) || existsSync(join(dataDir, 'files'))).toBe(false);
  }, 60_000);

  it('restores into a fresh DATA_DIR and database, where `sentinel evidence verify` passes; a second restore is refused', async () => {
    const target = await createEmptyDb();
    const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-restore-'));
    const env = { DATABASE_URL: target.url, DATA_DIR: dataDir, SENTINEL_MASTER_KEY: masterKey };
    const entries = await t.db.evidenceEntry.count();
    const restore = await cli(env, 'restore', backupDir);
    expect(restore.output).toContain(`证据台账 ${entries} 条`);
    expect(restore.code).toBe(0);
    const verify = await cli(env, 'evidence', 'verify');
    expect(verify.output).toMatch(new RegExp(`ledger OK: ${entries} entries`));
    expect(verify.code).toBe(0);
    const again = await cli(env, 'restore', backupDir);
    expect([again.code, again.output]).toEqual([1, expect.stringMatching(/目标数据库已有员工或证据数据/)]);
  }, 120_000);
});
