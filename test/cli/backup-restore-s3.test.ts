// `sentinel backup` / `sentinel restore` with stored files on S3 (FILE_STORE_URL, s3rver on
// loopback), as real processes: the backup holds copies of the objects, a restore into a fresh
// database and an empty bucket prefix puts them back, and `sentinel evidence verify` passes there.
// A damaged file in a backup is named, and restoring over objects that are still there is harmless.
import { readdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpFiles, restoreFiles } from '../../src/cli/backup-files.ts';
import { loadSharedLedgerKey } from '../../src/services/evidence/load-shared-ledger-key.ts';
import { runProcess } from '../e2e/server-process.ts';
import { seedLedger } from '../evidence/ledger-fixture.ts';
import { startTestS3Server, TEST_BUCKET } from '../helpers/s3-server.ts';
import { createEmptyDb, createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';

const s3 = await startTestS3Server();
const t = await createTestDb();
const source = mkdtempSync(join(tmpdir(), 'sentinel-source-'));
const masterKey = TEST_MASTER_KEY.toString('base64');
const { key } = await loadSharedLedgerKey({ db: t.db, cipher: t.deps.cipher, dataDir: source });
const sourceStore = s3.store('source');
await seedLedger({ ...t.deps, files: sourceStore, ledgerKey: key });
const stored: string[] = [];
for await (const sha of sourceStore.list()) stored.push(sha);
const cli = (env: Record<string, string>, ...args: string[]) => runProcess(['src/cli/main.ts', ...args], { LOG_LEVEL: 'warn', ...s3.env, SENTINEL_MASTER_KEY: masterKey, ...env });
const backupDir = join(mkdtempSync(join(tmpdir(), 'sentinel-backup-')), 'nightly');

describe('sentinel backup / restore with stored files on S3', () => {
  it('copies the objects into the backup, restores them into an empty prefix, and the ledger verifies there', async () => {
    expect(stored.length).toBeGreaterThan(0);
    const backup = await cli({ DATABASE_URL: t.url, DATA_DIR: source, FILE_STORE_URL: `s3://${TEST_BUCKET}/source` }, 'backup', backupDir);
    expect(backup.output).toContain(`已存储文件 ${stored.length} 个（复制自 s3://${TEST_BUCKET}/source）`);
    expect(backup.code).toBe(0);
    expect(readdirSync(join(backupDir, 'files'), { recursive: true }).filter((n) => String(n).includes('/')).length).toBe(stored.length);

    const target = await createEmptyDb();
    const env = { DATABASE_URL: target.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'sentinel-restore-')), FILE_STORE_URL: `s3://${TEST_BUCKET}/restored` };
    const restore = await cli(env, 'restore', backupDir);
    expect(restore.output).toContain(`已存储文件 ${stored.length} 个（写入 s3://${TEST_BUCKET}/restored）`);
    expect(restore.code).toBe(0);
    for (const sha of stored) expect(await s3.store('restored').has(sha)).toBe(true);
    const verify = await cli(env, 'evidence', 'verify');
    expect(verify.output).toMatch(new RegExp(`ledger OK: ${await t.db.evidenceEntry.count()} entries`));
    expect(verify.code).toBe(0);
  }, 180_000);

  it('restores over objects still in the bucket without harm, and names a damaged file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-files-backup-'));
    expect(await backUpFiles(sourceStore, dir)).toBe(stored.length);
    expect(await restoreFiles(sourceStore, dir)).toBe(stored.length);
    const victim = stored[0] as string;
    writeFileSync(join(dir, 'files', victim.slice(0, 2), victim), 'not the original bytes');
    await expect(restoreFiles(s3.store('damaged'), dir)).rejects.toThrow(`备份中的文件 ${victim.slice(0, 2)}/${victim} 已损坏`);
  });
});
