// The multipart upload of a company rule: the rule's PDF (field `document`) and the adoption
// minutes (field `minutes`), each ≤ 10 MB.
import { AppError } from '../../errors.ts';
import type { UploadedRuleFile } from '../../services/company-rules/store-company-rule.ts';
import { receiveMultipart } from '../receive-multipart.ts';
import type { AppContext } from '../state.ts';

const PARTS = { document: '制度文件（PDF）', minutes: '民主程序会议纪要' } as const;

export const receiveRuleFiles = () => receiveMultipart({
  action: 'company_rule.manage', files: 2, pick: (m) => m.fields([{ name: 'document', maxCount: 1 }, { name: 'minutes', maxCount: 1 }]),
  notMultipart: '请通过上传表单提交制度文件和会议纪要',
  wrongFiles: '请只上传两个文件：制度文件（PDF）和会议纪要',
});

/** The uploaded file in `field`, or a Chinese 400 naming what is missing. */
export function ruleFile(ctx: AppContext, field: keyof typeof PARTS): UploadedRuleFile {
  const files = (ctx.request as { files?: Record<string, { buffer?: unknown; originalname?: unknown }[]> }).files;
  const file = files?.[field]?.[0];
  if (!file || !Buffer.isBuffer(file.buffer) || typeof file.originalname !== 'string') throw new AppError('bad_request', `没有收到${PARTS[field]}，请选择文件后再上传`, { field });
  return { fileName: file.originalname, bytes: file.buffer };
}
