// One of several processes starting at once on one DATA_DIR: waits for the shared start
// instant, then loads the secrets as a first start does, and prints them.
// Every exclusive file write is slowed by 100 ms, so the processes' first starts overlap the way
// two servers' do, not just by luck of scheduling.
// Usage: node test/unit/first-start-child.ts <dataDir> <startAtEpochMs>
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { parseEnv } from '../../src/config.ts';
import { loadSecrets } from '../../src/secrets.ts';

const writeFileSync = fs.writeFileSync;
fs.writeFileSync = ((...args: Parameters<typeof writeFileSync>) => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  writeFileSync(...args);
}) as typeof writeFileSync;
syncBuiltinESMExports();

const [dataDir, startAt] = process.argv.slice(2) as [string, string];
while (Date.now() < Number(startAt)) {
  // spin: the point is that every process reaches the files in the same millisecond
}
const secrets = loadSecrets(parseEnv({ DATA_DIR: dataDir }));
process.stdout.write(JSON.stringify({ adminToken: secrets.adminToken, masterKey: secrets.masterKey.toString('base64') }));
