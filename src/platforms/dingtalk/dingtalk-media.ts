// Temporary media on the old host: POST /media/upload?type=file (multipart field `media`) →
// media_id, which robot file messages (msgKey sampleFile) reference.
import { PlatformApiError } from '../platform-api-error.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

/** DingTalk's limit for type=file (doc/docx/xls/xlsx/ppt/pptx/zip/pdf/rar). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * @example const mediaId = await uploadDingtalkMedia(api, { filename: '返岗通知书.pdf', content: pdf, contentType: 'application/pdf' });
 */
export async function uploadDingtalkMedia(api: DingtalkApi, opts: { filename: string; content: Uint8Array; contentType?: string }): Promise<string> {
  if (opts.content.byteLength > MAX_FILE_BYTES) {
    throw new PlatformApiError({ platform: 'dingtalk', api: 'media/upload', errcode: 'too_large', errmsg: `文件 ${opts.filename} 超过钉钉上限 20 MB`, retryable: false });
  }
  const form = new FormData();
  form.append('media', new Blob([new Uint8Array(opts.content)], { type: opts.contentType ?? 'application/octet-stream' }), opts.filename);
  const res = await api.callOld<{ media_id: string }>({ api: 'media/upload', method: 'POST', path: '/media/upload', params: { type: 'file' }, data: form });
  return res.media_id;
}
