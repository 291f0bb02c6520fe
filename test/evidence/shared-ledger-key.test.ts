// Instances on separate machines (own DATA_DIR each) share only the database, yet sign the
// ledger with one key: the first start stores it there, sealed with the master key.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import { exportLedgerPrivateKey, LEDGER_KEY_FILE, ledgerKeyFromPrivateKey } from '../../src/crypto/ledger-key.ts';
import { createLogger } from '../../src/log.ts';
import { openRuntime } from '../../src/runtime.ts';
import { LEDGER_KEY_META } from '../../src/services/evidence/load-shared-ledger-key.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const masterKey = randomBytes(32).toString('base64');
const machine = (extra: Record<string, string> = {}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-machine-'));
  return { dataDir, env: parseEnv({ DATABASE_URL: t.url, DATA_DIR: dataDir, SENTINEL_MASTER_KEY: masterKey, ...extra }) };
};
const log = createLogger('silent');

async function keyIdsOf(...machines: ReturnType<typeof machine>[]) {
  const runtimes = await Promise.all(machines.map((m) => openRuntime(m.env, log)));
  try {
    return runtimes.map((rt) => ({ keyId: rt.deps.ledgerKey.keyId, source: rt.ledgerKeySource }));
  } finally {
    await Promise.all(runtimes.map((rt) => rt.close()));
  }
}

describe('the ledger signing key of instances on one database', () => {
  it('is the same for two runtimes opened at once on separate DATA_DIRs, stored sealed and never as a file', async () => {
    const [a, b] = [machine(), machine()];
    const [ka, kb] = await keyIdsOf(a, b);
    expect(ka).toEqual({ keyId: expect.stringMatching(/^[0-9a-f]{64}$/), source: 'database' });
    expect(kb).toEqual(ka);
    expect([existsSync(join(a.dataDir, LEDGER_KEY_FILE)), existsSync(join(b.dataDir, LEDGER_KEY_FILE))]).toEqual([false, false]);
    const stored = await t.db.appMeta.findUniqueOrThrow({ where: { key: LEDGER_KEY_META } });
    expect(stored.value).not.toContain('PRIVATE KEY');
    // A later start on a third machine reads the same key.
    expect((await keyIdsOf(machine()))[0]).toEqual(ka);
  }, 60_000);

  it('a machine with another master key stops with a message naming the fix', async () => {
    const other = { env: parseEnv({ DATABASE_URL: t.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'm-')), SENTINEL_MASTER_KEY: randomBytes(32).toString('base64') }) };
    await expect(openRuntime(other.env, log)).rejects.toThrow(/same SENTINEL_MASTER_KEY/);
  }, 60_000);

  it('SENTINEL_LEDGER_KEY wins, as PEM or one-line base64 DER', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const expected = ledgerKeyFromPrivateKey(privateKey).keyId;
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const ids = await keyIdsOf(machine({ SENTINEL_LEDGER_KEY: exportLedgerPrivateKey(privateKey) }), machine({ SENTINEL_LEDGER_KEY: der }));
    expect(ids).toEqual([{ keyId: expected, source: 'env' }, { keyId: expected, source: 'env' }]);
    expect(() => parseEnv({ SENTINEL_LEDGER_KEY: 'bm90IGEga2V5' })).toThrow(/SENTINEL_LEDGER_KEY must be an Ed25519 private key/);
  }, 60_000);

  it('an installation from before keeps its DATA_DIR key: the first start stores that one', async () => {
    await t.db.appMeta.delete({ where: { key: LEDGER_KEY_META } });
    const { privateKey } = generateKeyPairSync('ed25519');
    const old = machine();
    writeFileSync(join(old.dataDir, LEDGER_KEY_FILE), exportLedgerPrivateKey(privateKey), { mode: 0o600 });
    const [fromOld] = await keyIdsOf(old);
    const [fromNew] = await keyIdsOf(machine());
    expect(fromOld?.keyId).toBe(ledgerKeyFromPrivateKey(privateKey).keyId);
    expect(fromNew).toEqual(fromOld);
  }, 60_000);
});
