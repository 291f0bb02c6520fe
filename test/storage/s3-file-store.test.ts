// The FileStore contract on S3-compatible object storage (s3rver on loopback), plus what only a
// remote store has: objects under the configured prefix, and an outage that is a retryable 503.
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { startTestS3Server, TEST_BUCKET } from '../helpers/s3-server.ts';
import { fileStoreContract } from './file-store-contract.ts';

const s3 = await startTestS3Server();
fileStoreContract('S3', () => s3.store(`contract-${randomBytes(4).toString('hex')}`));

describe('S3 file store', () => {
  it('writes the object to <prefix>/<aa>/<sha256> in the bucket, and keeps prefixes apart', async () => {
    const store = s3.store('tenant-x/files');
    const { sha256 } = await store.put(Buffer.from('劳动合同'));
    const client = new S3Client({ endpoint: s3.env.S3_ENDPOINT, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const object = await client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: `tenant-x/files/${sha256.slice(0, 2)}/${sha256}` }));
    expect(await object.Body?.transformToString()).toBe('劳动合同');
    expect(await s3.store('tenant-y').has(sha256)).toBe(false);
  });

  it('turns an unreachable server into a retryable 503 with a Chinese message, and works again after', async () => {
    const store = s3.store('outage');
    const { sha256 } = await store.put(Buffer.from('before'));
    await s3.stop();
    try {
      for (const call of [() => store.put(Buffer.from('during')), () => store.get(sha256), () => store.has(sha256), () => store.delete(sha256)]) {
        await expect(call()).rejects.toMatchObject({ code: 'service_unavailable', status: 503, message: '文件存储暂时无法访问，请稍后重试' });
      }
    } finally {
      await s3.start();
    }
    expect((await store.get(sha256)).toString()).toBe('before');
  });
});
