// Reads the multipart upload of a company rule: the rule's PDF (field `document`) and the
// adoption minutes (field `minutes`), each ≤ 10 MB, after checking the caller may store rules.
import { createRequire } from 'node:module';
import type { Middleware } from 'koa';
import type { Actor } from '../../domain/actor.ts';
import { MAX_PROOF_BYTES, TOO_LARGE_MESSAGE } from '../../domain/files/sniff-file-type.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { UploadedRuleFile } from '../../services/company-rules/store-company-rule.ts';
import { requireActor } from '../authenticate.ts';
import type { AppContext, AppState } from '../state.ts';

interface KoaMulter {
  (options: { storage: unknown; limits: Record<string, number>; defParamCharset: string }): { fields(fields: { name: string; maxCount: number }[]): Middleware };
  memoryStorage(): unknown;
}
const multer = createRequire(import.meta.url)('@koa/multer') as KoaMulter;

const PARTS = { document: '制度文件（PDF）', minutes: '民主程序会议纪要' } as const;

export function receiveRuleFiles(): Middleware<AppState> {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_PROOF_BYTES, files: 2, fields: 10, parts: 12, fieldSize: 2048 },
    defParamCharset: 'utf8',
  }).fields([{ name: 'document', maxCount: 1 }, { name: 'minutes', maxCount: 1 }]);
  return async (ctx, next) => {
    const actor: Actor = requireActor(ctx);
    authorize(actor, 'company_rule.manage');
    if (!ctx.is('multipart/form-data')) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传：制度文件放在字段 document，会议纪要放在字段 minutes');
    try {
      await upload(ctx, async () => {});
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') throw new AppError('payload_too_large', TOO_LARGE_MESSAGE);
      if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') throw new AppError('bad_request', '请只上传两个文件：字段 document（制度 PDF）和 minutes（会议纪要）');
      throw new AppError('bad_request', `上传内容无法解析：${(err as Error).message}`);
    }
    await next();
  };
}

/** The uploaded file in `field`, or a Chinese 400 naming what is missing. */
export function ruleFile(ctx: AppContext, field: keyof typeof PARTS): UploadedRuleFile {
  const files = (ctx.request as { files?: Record<string, { buffer?: unknown; originalname?: unknown }[]> }).files;
  const file = files?.[field]?.[0];
  if (!file || !Buffer.isBuffer(file.buffer) || typeof file.originalname !== 'string') throw new AppError('bad_request', `没有收到${PARTS[field]}：请放在 multipart 字段 ${field} 中`);
  return { fileName: file.originalname, bytes: file.buffer };
}
