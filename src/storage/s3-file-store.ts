// FileStore on S3-compatible object storage (AWS S3, MinIO, any S3 service): the object
// `<prefix>/<aa>/<sha256>` holds the bytes, the same relative layout as DATA_DIR/files, so a bucket
// can be mirrored to a directory and back with any S3 tool. A PutObject is atomic (the object
// appears whole or not at all) and carries the SHA-256, which S3 checks on arrival.
import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, paginateListObjectsV2, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../errors.ts';
import { contentPath, hashOfContentPath } from './content-path.ts';
import type { FileStore, StoredBytes } from './file-store.ts';
import { isMissingObject, storageFailure } from './s3-errors.ts';

export interface S3Location {
  bucket: string;
  /** Without leading or trailing slash; '' stores at the bucket's root. */
  prefix: string;
}

export function createS3FileStore(client: S3Client, where: S3Location): FileStore {
  const Bucket = where.bucket;
  const root = where.prefix ? `${where.prefix}/` : '';
  const keyOf = (sha256: string) => `${root}${contentPath(sha256)}`;
  const send = async <T>(run: () => Promise<T>): Promise<T> => run().catch((error: unknown) => { throw storageFailure(error); });
  const has = async (sha256: string) => {
    const Key = keyOf(sha256);
    return send(() => client.send(new HeadObjectCommand({ Bucket, Key })).then(() => true, (error: unknown) => {
      if (isMissingObject(error)) return false;
      throw error;
    }));
  };
  return {
    has,
    async put(bytes): Promise<StoredBytes> {
      const digest = createHash('sha256').update(bytes).digest();
      const sha256 = digest.toString('hex');
      if (!(await has(sha256))) {
        const put = new PutObjectCommand({ Bucket, Key: keyOf(sha256), Body: bytes, ContentLength: bytes.byteLength, ContentType: 'application/octet-stream', ChecksumSHA256: digest.toString('base64') });
        await send(() => client.send(put));
      }
      return { sha256, size: bytes.byteLength };
    },
    async delete(sha256) {
      const Key = keyOf(sha256);
      await send(() => client.send(new DeleteObjectCommand({ Bucket, Key })));
    },
    async get(sha256) {
      const Key = keyOf(sha256);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key }));
        const bytes = await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (isMissingObject(error)) throw new AppError('not_found', `文件不存在：${sha256}`);
        throw storageFailure(error);
      }
    },
    async *list() {
      try {
        for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: root })) {
          for (const object of page.Contents ?? []) {
            const sha256 = hashOfContentPath((object.Key ?? '').slice(root.length));
            if (sha256) yield sha256;
          }
        }
      } catch (error) {
        throw storageFailure(error);
      }
    },
  };
}
