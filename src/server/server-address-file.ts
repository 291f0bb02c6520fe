// The running server records where it answers (DATA_DIR/server.json), so a CLI command run
// beside it (`npx sentinel job run …`) puts links to that server in the cards it queues, even
// when the server runs on another PORT. Written after listen, removed on a clean stop; a file
// left by a killed server is ignored because its pid no longer runs.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isRunning } from '../db/cluster-owner.ts';

const serverFileSchema = z.object({ pid: z.number().int(), publicBaseUrl: z.url() });

export const serverAddressFile = (dataDir: string) => join(dataDir, 'server.json');

export function recordServerAddress(dataDir: string, publicBaseUrl: string, pid = process.pid): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(serverAddressFile(dataDir), `${JSON.stringify({ pid, publicBaseUrl }, null, 2)}\n`);
}

/** Removes the record, but only our own: a second server on the same DATA_DIR keeps its file. */
export function forgetServerAddress(dataDir: string, pid = process.pid): void {
  if (readRecord(dataDir)?.pid === pid) rmSync(serverAddressFile(dataDir), { force: true });
}

/** The public base URL of the server running on this DATA_DIR, if one runs. */
export function runningServerBaseUrl(dataDir: string): string | undefined {
  const record = readRecord(dataDir);
  return record && isRunning(record.pid) ? record.publicBaseUrl : undefined;
}

/**
 * Where links in cards point: PUBLIC_BASE_URL when it is set, else the running server's address,
 * else the configured default (http://localhost:PORT).
 * @example cardBaseUrl({ configured: config.PUBLIC_BASE_URL, setExplicitly: Boolean(rawEnv.PUBLIC_BASE_URL), dataDir: config.DATA_DIR })
 */
export function cardBaseUrl(o: { configured: string; setExplicitly: boolean; dataDir: string }): string {
  if (o.setExplicitly) return o.configured;
  return runningServerBaseUrl(o.dataDir) ?? o.configured;
}

function readRecord(dataDir: string): z.infer<typeof serverFileSchema> | undefined {
  try {
    const parsed = serverFileSchema.safeParse(JSON.parse(readFileSync(serverAddressFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
