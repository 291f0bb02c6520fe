// Reads a multipart upload into memory (≤ 10 MB a file) for one route, after checking the caller
// may upload at all, and turns multer's errors into the Chinese 4xx the caller can act on.
import { createRequire } from 'node:module';
import type { Middleware } from 'koa';
import type { Action } from '../domain/permissions.ts';
import { MAX_PROOF_BYTES, TOO_LARGE_MESSAGE } from '../domain/files/sniff-file-type.ts';
import { authorize } from '../domain/permissions.ts';
import { AppError } from '../errors.ts';
import { requireActor } from './authenticate.ts';
import { UNREADABLE } from './receive-upload-file.ts';
import type { AppState } from './state.ts';

interface MulterInstance {
  single(field: string): Middleware;
  fields(fields: { name: string; maxCount: number }[]): Middleware;
}
interface KoaMulter {
  (options: { storage: unknown; limits: Record<string, number>; defParamCharset: string }): MulterInstance;
  memoryStorage(): unknown;
}
const multer = createRequire(import.meta.url)('@koa/multer') as KoaMulter;

/**
 * @example receiveMultipart({ action: 'proof.upload', files: 1, pick: (m) => m.single('file'), notMultipart: '请以 multipart/form-data 上传…', wrongFiles: '请只上传一个文件…' })
 */
export function receiveMultipart(o: { action: Action; files: number; pick: (m: MulterInstance) => Middleware; notMultipart: string; wrongFiles: string }): Middleware<AppState> {
  const upload = o.pick(multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_PROOF_BYTES, files: o.files, fields: 10, parts: 12, fieldSize: 2048 },
    defParamCharset: 'utf8',
  }));
  return async (ctx, next) => {
    authorize(requireActor(ctx), o.action);
    if (!ctx.is('multipart/form-data')) throw new AppError('unsupported_media_type', o.notMultipart);
    try {
      await upload(ctx, async () => {});
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') throw new AppError('payload_too_large', TOO_LARGE_MESSAGE);
      if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') throw new AppError('bad_request', o.wrongFiles);
      throw new AppError('bad_request', UNREADABLE, { reason: (err as Error).message });
    }
    await next();
  };
}
