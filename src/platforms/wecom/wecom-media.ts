import { PlatformApiError } from '../platform-api-error.ts';
import type { WecomApi } from './wecom-api.ts';

const MAX_BYTES = { file: 20 * 1024 * 1024, image: 10 * 1024 * 1024 };

/** POST /cgi-bin/media/upload (multipart field `media`) → media_id, valid for 3 days. */
export async function uploadWecomMedia(api: WecomApi, opts: { type: 'file' | 'image'; filename: string; content: Uint8Array; contentType?: string }): Promise<string> {
  if (opts.content.byteLength > MAX_BYTES[opts.type]) {
    const errmsg = `文件 ${opts.filename} 超过企业微信上限 ${MAX_BYTES[opts.type] / 1024 / 1024} MB`;
    throw new PlatformApiError({ platform: 'wecom', api: 'media/upload', errcode: 'too_large', errmsg, retryable: false });
  }
  const form = new FormData();
  form.append('media', new Blob([new Uint8Array(opts.content)], { type: opts.contentType ?? 'application/octet-stream' }), opts.filename);
  const res = await api.call<{ media_id: string }>({ api: 'media/upload', method: 'POST', path: '/cgi-bin/media/upload', params: { type: opts.type }, data: form });
  return res.media_id;
}
