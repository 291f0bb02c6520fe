// The configured FileStore: S3-compatible object storage when FILE_STORE_URL is set (instances
// on separate machines share it), otherwise DATA_DIR/files. Built once per process by the roots.
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Env } from '../config.ts';
import type { FileStore } from './file-store.ts';
import { parseFileStoreUrl } from './file-store-url.ts';
import { createLocalFileStore } from './local-file-store.ts';
import { createS3FileStore } from './s3-file-store.ts';

type StoreEnv = Pick<Env, 'DATA_DIR' | 'FILE_STORE_URL' | 'S3_ENDPOINT' | 'AWS_ENDPOINT_URL_S3' | 'AWS_REGION' | 'AWS_ACCESS_KEY_ID' | 'AWS_SECRET_ACCESS_KEY' | 'AWS_SESSION_TOKEN' | 'S3_FORCE_PATH_STYLE'>;

export function openFileStore(env: StoreEnv): FileStore {
  const location = env.FILE_STORE_URL ? parseFileStoreUrl(env.FILE_STORE_URL) : undefined;
  if (!location) return createLocalFileStore(join(env.DATA_DIR, 'files'));
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT ?? env.AWS_ENDPOINT_URL_S3,
    region: env.AWS_REGION ?? 'us-east-1',
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    // Without keys in the environment the SDK's own chain applies (profile, web identity, instance role).
    credentials: env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN }
      : undefined,
    // Checksums only where S3 requires them (every put names its SHA-256 anyway): MinIO and other
    // S3-compatible services reject the SDK's default CRC trailers in some versions.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A hung service fails the request instead of holding it (and its upload) forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
  return createS3FileStore(client, location);
}

/** Where stored files live, for CLI output: `s3://bucket/prefix` or the local directory. */
export function describeFileStore(env: Pick<Env, 'DATA_DIR' | 'FILE_STORE_URL'>): string {
  return env.FILE_STORE_URL ?? join(env.DATA_DIR, 'files');
}
