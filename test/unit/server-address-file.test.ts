import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliConfig } from '../../src/cli/main.ts';
import { cardBaseUrl, forgetServerAddress, recordServerAddress, serverAddressFile } from '../../src/server/server-address-file.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sentinel-addr-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the running server address in DATA_DIR', () => {
  it('gives the CLI the running server base URL when PUBLIC_BASE_URL is not set', () => {
    const dataDir = tempDir();
    recordServerAddress(dataDir, 'http://localhost:3977');
    expect(cardBaseUrl({ configured: 'http://localhost:3000', setExplicitly: false, dataDir })).toBe('http://localhost:3977');
  });

  it('keeps PUBLIC_BASE_URL when it is set', () => {
    const dataDir = tempDir();
    recordServerAddress(dataDir, 'http://localhost:3977');
    expect(cardBaseUrl({ configured: 'https://hr.example.com', setExplicitly: true, dataDir })).toBe('https://hr.example.com');
  });

  it('ignores a file left by a server that no longer runs, and a file that is not ours', () => {
    const dataDir = tempDir();
    recordServerAddress(dataDir, 'http://localhost:3977', 2 ** 22 + 12345);
    expect(cardBaseUrl({ configured: 'http://localhost:3000', setExplicitly: false, dataDir })).toBe('http://localhost:3000');
    writeFileSync(serverAddressFile(dataDir), 'not json');
    expect(cardBaseUrl({ configured: 'http://localhost:3000', setExplicitly: false, dataDir })).toBe('http://localhost:3000');
  });

  it('removes only its own record on a clean stop', () => {
    const dataDir = tempDir();
    recordServerAddress(dataDir, 'http://localhost:3977', 1);
    forgetServerAddress(dataDir);
    expect(readFileSync(serverAddressFile(dataDir), 'utf8')).toContain('3977');
    recordServerAddress(dataDir, 'http://localhost:3977');
    forgetServerAddress(dataDir);
    expect(cardBaseUrl({ configured: 'http://localhost:3000', setExplicitly: false, dataDir })).toBe('http://localhost:3000');
  });

  it('is what the CLI composition puts into the links of the cards it queues', () => {
    const dataDir = tempDir();
    recordServerAddress(dataDir, 'http://localhost:3977');
    expect(cliConfig({ DATA_DIR: dataDir }).PUBLIC_BASE_URL).toBe('http://localhost:3977');
    expect(cliConfig({ DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://hr.example.com/' }).PUBLIC_BASE_URL).toBe('https://hr.example.com');
    expect(cliConfig({ DATA_DIR: tempDir(), PORT: '3978' }).PUBLIC_BASE_URL).toBe('http://localhost:3978');
  });
});
