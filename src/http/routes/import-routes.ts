import { createRequire } from 'node:module';
import type { Middleware } from 'koa';
import { authorize, type Action } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { importEmployees } from '../../services/import/import-employees.ts';
import { MAX_ROSTER_FILE_BYTES } from '../../services/import/open-spreadsheet.ts';
import { defineRoute, type ApiRoute } from '../api-route.ts';
import { requireActor } from '../authenticate.ts';
import type { AppContext, AppState } from '../state.ts';

interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

/** The slice of @koa/multer used here; the package ships no type declarations. */
interface KoaMulter {
  (options: { storage: unknown; limits: Record<string, number>; defParamCharset: string }): { single(field: string): Middleware };
  memoryStorage(): unknown;
}
const multer = createRequire(import.meta.url)('@koa/multer') as KoaMulter;

export function importRoutes(deps: ServiceDeps): ApiRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/employees/import', action: 'employee.import', tag: 'import', contentType: 'multipart/form-data',
      summary: 'Import the employee roster (.xlsx or UTF-8 .csv in field `file`, ≤ 10 MB). All or nothing: 422 lists every problem as {row, column, message}',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      middleware: [receiveUpload()],
      handler: ({ actor, ctx }) => {
        const file = uploadedFile(ctx);
        return importEmployees(deps, { actor, fileName: file.originalname, buffer: file.buffer });
      },
    }),
  ];
}

/** Reads one multipart file (field `file`, ≤ 10 MB) after checking the caller may `action`. */
export function receiveUpload(action: Action = 'employee.import'): Middleware<AppState> {
  const upload = multer({
    storage: multer.memoryStorage(),
    // The file is capped at 10 MB and is all that is read; text fields are not used, so tiny.
    limits: { fileSize: MAX_ROSTER_FILE_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 1024 },
    // Browsers send UTF-8 file names; busboy would read 员工名册.xlsx as Latin-1 otherwise.
    defParamCharset: 'utf8',
  }).single('file');
  return async (ctx, next) => {
    // Refuse callers who may not import before buffering up to 10 MB of their upload.
    authorize(requireActor(ctx), action);
    if (!ctx.is('multipart/form-data')) {
      throw new AppError('unsupported_media_type', '请通过上传表单提交花名册文件', { field: 'file' });
    }
    try {
      await upload(ctx, async () => {});
    } catch (err) {
      throw uploadError(err);
    }
    await next();
  };
}

function uploadError(err: unknown): AppError {
  const code = (err as { code?: string }).code;
  if (code === 'LIMIT_FILE_SIZE') return new AppError('payload_too_large', `文件超过 ${MAX_ROSTER_FILE_BYTES / 1048576} MB 上限`);
  if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') {
    return new AppError('bad_request', '请只上传一个文件', { field: 'file' });
  }
  if (code?.startsWith('LIMIT_')) return new AppError('bad_request', '表单内容过多或过长：请只上传一个文件', { field: 'file' });
  return new AppError('bad_request', '上传内容无法解析，请重新选择文件上传');
}

export function uploadedFile(ctx: AppContext): UploadedFile {
  const file: unknown = (ctx.request as { file?: unknown }).file;
  if (isUploadedFile(file)) return file;
  throw new AppError('bad_request', '没有收到文件：请选择 .xlsx 或 .csv 花名册后再上传', { field: 'file' });
}

function isUploadedFile(file: unknown): file is UploadedFile {
  if (typeof file !== 'object' || file === null) return false;
  const { buffer, originalname } = file as Partial<Record<keyof UploadedFile, unknown>>;
  return Buffer.isBuffer(buffer) && typeof originalname === 'string';
}
