// Evidence packs over HTTP: HR (or the employee, for their own) downloads a pack as a zip; anyone
// holding a document or a pack may upload it to /evidence/verify and get a verdict, without an
// account: the check needs only the file and the company's public key.
import { createRequire } from 'node:module';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { buildEvidencePack } from '../../services/evidence/build-evidence-pack.ts';
import { verifyDocument } from '../../services/evidence/verify-document.ts';
import { verifyEvidencePack } from '../../services/evidence/verify-evidence-pack.ts';
import { defineRoute, type ApiRoute } from '../api-route.ts';
import type { AppContext, AppState } from '../state.ts';

export const MAX_VERIFY_UPLOAD_BYTES = 50 * 1024 * 1024;

interface KoaMulter {
  (options: { storage: unknown; limits: Record<string, number>; defParamCharset: string }): { single(field: string): Middleware };
  memoryStorage(): unknown;
}
const multer = createRequire(import.meta.url)('@koa/multer') as KoaMulter;

const packQuery = z.object({
  employeeId: z.uuid({ error: 'employeeId 须为员工 ID（UUID）' }).optional(),
  subjectType: z.string().min(1).max(100).optional(),
  subjectId: z.string().min(1).max(100).optional(),
});

export function evidencePackRoutes(deps: ServiceDeps): ApiRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/evidence/packs', tag: 'evidence',
      summary: 'Download the evidence pack (zip) of an employee (?employeeId=) or a case (?subjectType=&subjectId=): documents, signatures, proofs, entries with inclusion proofs, the signed tree head, the timeline, README and verify.sh',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN; everyone for their own employee scope',
      query: packQuery,
      handler: async ({ query, actor, ctx }) => {
        const { employeeId, subjectType, subjectId } = query;
        if (employeeId ? subjectType || subjectId : !(subjectType && subjectId)) {
          throw new AppError('bad_request', '请只提供 employeeId（员工的证据包），或同时提供 subjectType 与 subjectId（案件的证据包）');
        }
        const scope = employeeId ? { kind: 'employee' as const, employeeId } : { kind: 'case' as const, subjectType: subjectType as string, subjectId: subjectId as string };
        const pack = await buildEvidencePack(deps, { scope, actor });
        ctx.type = 'application/zip';
        ctx.set('Content-Disposition', `attachment; filename="${pack.fileName}"`);
        ctx.set('X-Evidence-Entries', String(pack.entries));
        return pack.zip;
      },
    }),
    defineRoute({
      method: 'post', path: '/evidence/verify', tag: 'evidence', contentType: 'multipart/form-data', auth: false,
      summary: 'Check a document (PDF, image…) or an evidence pack (zip) in field `file` (≤ 50 MB) against the company ledger. Public: {kind, authentic, reasons[], …}',
      roles: 'PUBLIC',
      middleware: [receiveVerifyUpload()],
      handler: async ({ ctx }) => {
        const bytes = verifyUpload(ctx);
        if (isZip(bytes)) {
          const verdict = await verifyEvidencePack(bytes, { publicKeyPem: deps.ledgerKey.publicKeyPem });
          return { kind: 'pack', ...verdict };
        }
        return { kind: 'document', ...(await verifyDocument(deps, { bytes })) };
      },
    }),
  ];
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);

function receiveVerifyUpload(): Middleware<AppState> {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_VERIFY_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
    defParamCharset: 'utf8',
  }).single('file');
  return async (ctx, next) => {
    if (!ctx.is('multipart/form-data')) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传，文件放在字段 file 中');
    try {
      await upload(ctx, async () => {});
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') throw new AppError('payload_too_large', `文件超过 ${MAX_VERIFY_UPLOAD_BYTES / 1048576} MB 上限`);
      if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') throw new AppError('bad_request', '请只上传一个文件，字段名为 file');
      throw new AppError('bad_request', `上传内容无法解析：${(err as Error).message}`);
    }
    await next();
  };
}

function verifyUpload(ctx: AppContext): Buffer {
  const file = (ctx.request as { file?: { buffer?: unknown } }).file;
  if (!file || !Buffer.isBuffer(file.buffer)) throw new AppError('bad_request', '没有收到文件：请在 multipart 字段 file 中上传 PDF 文件或证据包（zip）');
  if (file.buffer.length === 0) throw new AppError('bad_request', '上传的文件是空的');
  return file.buffer;
}
