// Several instances started at once on one DATA_DIR: each secret file is created by exactly one
// of them and every instance ends up with the same admin token and master key (before, about
// one start in five crashed with EEXIST or read a half-written file).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./first-start-child.ts', import.meta.url));
const run = promisify(execFile);

async function startTogether(processes: number): Promise<{ dataDir: string; outputs: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-race-'));
  const startAt = Date.now() + 2500;
  const results = await Promise.all(Array.from({ length: processes }, () => run(process.execPath, [child, dataDir, String(startAt)])));
  return { dataDir, outputs: results.map((r) => r.stdout) };
}

describe('instances starting at once on one DATA_DIR', () => {
  it('all succeed and share one admin token and master key, leaving no temp files', async () => {
    for (let round = 0; round < 3; round++) {
      const { dataDir, outputs } = await startTogether(3);
      expect(new Set(outputs).size).toBe(1);
      expect(JSON.parse(outputs[0] as string)).toMatchObject({ adminToken: expect.any(String), masterKey: expect.any(String) });
      expect(readdirSync(dataDir).sort()).toEqual(['admin-token', 'master.key']);
    }
  }, 120_000);
});
