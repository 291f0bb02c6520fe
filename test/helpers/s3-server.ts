// An S3-protocol server on loopback (s3rver, pure JS) for the S3 file store: one bucket, stopped
// after the test file. `env` is what a deployment sets; `stop`/`start` simulate an outage on the
// same port (the objects stay on disk).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import type { FileStore } from '../../src/storage/file-store.ts';
import { openFileStore } from '../../src/storage/open-file-store.ts';

export const TEST_BUCKET = 'sentinel-files';

export interface TestS3Server {
  /** FILE_STORE_URL and the endpoint, credential and path-style variables for this server. */
  env: Record<string, string>;
  /** A store on this server under `prefix` (default 'tenant-a'), built as the runtime builds it. */
  store(prefix?: string): FileStore;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTestS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'sentinel-s3-'));
  const make = (port: number) => new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET, configs: [] }] });
  let server = make(0);
  const { port } = await server.run();
  let running = true;
  const env = (prefix: string) => ({
    FILE_STORE_URL: `s3://${TEST_BUCKET}/${prefix}`,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  });
  afterAll(async () => {
    if (running) await server.close();
  });
  return {
    env: env('tenant-a'),
    store: (prefix = 'tenant-a') => openFileStore(parseEnv({ DATA_DIR: directory, ...env(prefix) })),
    async stop() {
      await server.close();
      running = false;
    },
    async start() {
      server = make(port);
      await server.run();
      running = true;
    },
  };
}
