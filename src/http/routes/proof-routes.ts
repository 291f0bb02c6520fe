// Proof uploads (photo or PDF, checked by content) and their download, owner and HR only.
import { createRequire } from 'node:module';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { MAX_PROOF_BYTES, TOO_LARGE_MESSAGE } from '../../domain/files/sniff-file-type.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getProofFile } from '../../services/proofs/get-proof-file.ts';
import { listProofs } from '../../services/proofs/list-proofs.ts';
import { uploadProof } from '../../services/proofs/upload-proof.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { requireActor } from '../authenticate.ts';
import type { AppContext, AppState } from '../state.ts';
import { uploadedFile } from './import-routes.ts';

interface KoaMulter {
  (options: { storage: unknown; limits: Record<string, number>; defParamCharset: string }): { single(field: string): Middleware };
  memoryStorage(): unknown;
}
const multer = createRequire(import.meta.url)('@koa/multer') as KoaMulter;

const optionalText = z.string().trim().max(100).optional().transform((v) => v || undefined);
const uploadBody = z.object({
  kind: z.string({ message: '请选择证明类型' }).trim().min(1, '请选择证明类型').max(40),
  exceptionId: optionalText.pipe(z.uuid({ message: '例外申请编号格式不正确，请从列表重新打开' }).optional()),
  coversMonth: optionalText,
  employeeId: optionalText.pipe(z.uuid({ message: '员工编号格式不正确，请从列表重新打开' }).optional()),
});
const listQuery = z.object({ employeeId: z.uuid().optional(), exceptionId: z.uuid().optional() }).strict();
const proofParams = idParams('证明');
const fileQuery = z.object({ download: z.enum(['0', '1']).optional() }).strict();

export function proofRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/proofs', tag: 'proofs', contentType: 'multipart/form-data', body: uploadBody, status: 201,
      summary: 'Upload a proof (field `file`: PDF, JPEG or PNG by content, ≤ 10 MB; fields kind, exceptionId?, coversMonth? YYYY-MM, employeeId? for HR). 415 for any other content whatever its name, 413 when too large',
      roles: 'any signed-in employee (self); HR_SPECIALIST, HR_MANAGER, ADMIN: anyone',
      middleware: [receiveProof()],
      handler: ({ actor, body, ctx }) => {
        const file = uploadedFile(ctx);
        return uploadProof(deps, {
          actor, employeeId: body.employeeId ?? actor.id, exceptionId: body.exceptionId, kind: body.kind, coversMonth: body.coversMonth,
          fileName: file.originalname, bytes: file.buffer,
        });
      },
    }),
    defineRoute({
      method: 'get', path: '/proofs', tag: 'proofs', query: listQuery,
      summary: 'Proofs, newest first (≤ 200): the caller\'s own, or for HR anyone\'s, filtered by employeeId / exceptionId',
      roles: 'any signed-in employee (self); HR_SPECIALIST, HR_MANAGER, ADMIN: all',
      handler: ({ actor, query }) => listProofs(deps, { actor, employeeId: query.employeeId, exceptionId: query.exceptionId }),
    }),
    defineRoute({
      method: 'get', path: '/proofs/:id/file', tag: 'proofs', params: proofParams, query: fileQuery,
      summary: 'The proof file (inline; ?download=1 as attachment). 404 for anyone but the owner and HR; HR reads are audited',
      roles: 'owner; HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: async ({ actor, params, query, ctx }) => {
        const file = await getProofFile(deps, { actor, proofId: params.id });
        return sendFile(ctx, file, query.download === '1');
      },
    }),
  ];
}

/** Sets the headers for a stored file and returns its bytes as the response body. */
export function sendFile(ctx: AppContext, file: { bytes: Buffer; mediaType: string; fileName: string }, download: boolean): Buffer {
  ctx.type = file.mediaType;
  ctx.set('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  return file.bytes;
}

/** Reads the multipart upload (≤ 10 MB) after checking the caller may upload at all. */
function receiveProof(): Middleware<AppState> {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_PROOF_BYTES, files: 1, fields: 8, parts: 10, fieldSize: 1024 },
    defParamCharset: 'utf8',
  }).single('file');
  return async (ctx, next) => {
    const actor: Actor = requireActor(ctx);
    authorize(actor, 'proof.upload');
    if (!ctx.is('multipart/form-data')) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传，文件放在字段 file 中');
    try {
      await upload(ctx, async () => {});
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') throw new AppError('payload_too_large', TOO_LARGE_MESSAGE);
      if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') throw new AppError('bad_request', '请只上传一个文件，字段名为 file');
      throw new AppError('bad_request', `上传内容无法解析：${(err as Error).message}`);
    }
    await next();
  };
}
