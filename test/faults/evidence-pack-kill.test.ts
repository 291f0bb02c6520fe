// `sentinel evidence pack` SIGKILLed while it builds: no pack (whole or half) appears under the
// target name, and the rerun writes a pack that `sentinel evidence verify` accepts. The zip is
// written under a hidden name and renamed, so a kill during the write cannot leave half a zip.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportLedgerPrivateKey, ledgerKeyFromPrivateKey } from '../../src/crypto/ledger-key.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { runProcess } from '../e2e/server-process.ts';
import { seedPackLedger } from '../evidence/pack-fixture.ts';
import { createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';

const t = await createTestDb();
const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-pack-kill-'));
const outDir = mkdtempSync(join(tmpdir(), 'sentinel-pack-out-'));
afterAll(() => [dataDir, outDir].forEach((d) => rmSync(d, { recursive: true, force: true })));
const { privateKey } = generateKeyPairSync('ed25519');
const deps = { ...t.deps, files: createLocalFileStore(join(dataDir, 'files')), ledgerKey: ledgerKeyFromPrivateKey(privateKey) };
const seeded = await seedPackLedger(deps);
const env = { DATABASE_URL: t.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SENTINEL_LEDGER_KEY: exportLedgerPrivateKey(privateKey), SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64') };
const target = join(outDir, 'pack.zip');
const args = ['src/cli/main.ts', 'evidence', 'pack', '--employee', seeded.employee.employeeNo, '--out', target];

describe('an evidence pack build killed halfway', { timeout: 180_000 }, () => {
  it('leaves no pack, and the rerun builds one that verifies', async () => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (d) => {
      out += d;
      if (/entries \d+\/\d+/.test(out)) child.kill('SIGKILL'); // building: entries are being read
    });
    child.stdout.on('data', (d) => (out += d));
    await new Promise((ok) => child.once('exit', ok));
    expect(out).not.toContain('已写入');
    expect(readdirSync(outDir)).toEqual([]);

    const rerun = await runProcess(args, env);
    expect(rerun.output).toContain(`已写入 ${target}`);
    expect(readdirSync(outDir)).toEqual(['pack.zip']); // no partial file left beside it
    const verify = await runProcess(['src/cli/main.ts', 'evidence', 'verify', target], env);
    expect(verify.output).toContain('结论：✅ 证据包真实有效');
    expect(verify.code).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});
