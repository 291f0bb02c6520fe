// The multipart upload of a company rule: the rule's PDF (field `document`) and the adoption
// minutes (field `minutes`), each ≤ 10 MB.
import { AppError } from '../../errors.ts';
import type { UploadedRuleFile } from '../../services/company-rules/store-company-rule.ts';
import { receiveMultipart } from '../receive-multipart.ts';
import type { AppContext } from '../state.ts';

const PARTS = { document: '制度文件（PDF）', minutes: '民主程序会议纪要' } as const;

export const receiveRuleFiles = () => receiveMultipart({
  action: 'company_rule.manage', files: 2, pick: (m) => m.fields([{ name: 'document', maxCount: 1 }, { name: 'minutes', maxCount: 1 }]),
  notMultipart: '请以 multipart/form-data 上传：制度文件放在字段 document，会议纪要放在字段 minutes',
  wrongFiles: '请只上传两个文件：字段 document（制度 PDF）和 minutes（会议纪要）',
});

/** The uploaded file in `field`, or a Chinese 400 naming what is missing. */
export function ruleFile(ctx: AppContext, field: keyof typeof PARTS): UploadedRuleFile {
  const files = (ctx.request as { files?: Record<string, { buffer?: unknown; originalname?: unknown }[]> }).files;
  const file = files?.[field]?.[0];
  if (!file || !Buffer.isBuffer(file.buffer) || typeof file.originalname !== 'string') throw new AppError('bad_request', `没有收到${PARTS[field]}：请放在 multipart 字段 ${field} 中`);
  return { fileName: file.originalname, bytes: file.buffer };
}
