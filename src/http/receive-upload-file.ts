// Streams the one file of a multipart upload to a temporary file, so an upload never sits in
// memory. Past `maxBytes` it answers 413 at once, reads nothing more and closes the connection
// (a declared Content-Length over the cap is refused before any byte is read); a failed or
// refused upload leaves no file behind. The caller removes the file when done with it.
import busboy from 'busboy';
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import type { AppContext } from './state.ts';

/** The parser's own reason (English) goes to details, for programs; people read what to do. */
export const UNREADABLE = '上传内容无法解析，请重新选择文件上传';

export interface UploadLimits {
  /** The multipart field that carries the file. */
  field: string;
  maxBytes: number;
  /** Where the temporary file goes (created if missing). */
  dir: string;
  /** The whole upload must arrive within this time, so a slow sender cannot hold a slot. */
  deadlineMs: number;
}

export interface ReceivedFile {
  path: string;
  size: number;
  remove(): Promise<void>;
}

/** Room for the multipart boundary and part headers around the file. */
const MULTIPART_SLACK = 64 * 1024;

/** @example const file = await receiveUploadFile(ctx, { field: 'file', maxBytes, dir, deadlineMs }); try { … } finally { await file.remove(); } */
export async function receiveUploadFile(ctx: AppContext, limits: UploadLimits): Promise<ReceivedFile> {
  if (!ctx.is('multipart/form-data')) throw new AppError('unsupported_media_type', '请通过上传表单提交文件', { field: limits.field });
  const tooLarge = new AppError('payload_too_large', `文件超过 ${limits.maxBytes / 1048576} MB 上限`);
  if (Number(ctx.get('content-length')) > limits.maxBytes + MULTIPART_SLACK) throw closing(ctx, tooLarge);
  await mkdir(limits.dir, { recursive: true });
  const path = join(limits.dir, `upload-${randomBytes(12).toString('hex')}`);
  const remove = () => rm(path, { force: true });
  try {
    const size = await streamFile(ctx.req, path, limits, tooLarge);
    return { path, size, remove };
  } catch (error) {
    await remove();
    throw closing(ctx, error);
  }
}

/** Koa keeps headers set before a throw; Node then closes the socket instead of reading on. */
function closing(ctx: AppContext, error: unknown): unknown {
  ctx.set('Connection', 'close');
  return error;
}

function streamFile(req: IncomingMessage, path: string, limits: UploadLimits, tooLarge: AppError): Promise<number> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024, fileSize: limits.maxBytes + 1 } });
    } catch (error) {
      return reject(new AppError('bad_request', UNREADABLE, { reason: (error as Error).message }));
    }
    let out: WriteStream | undefined;
    let size = 0;
    let settled = false;
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.unpipe(parser);
      // Wait for the file to be closed, so the caller's removal cannot race its creation.
      if (!out || out.closed) return reject(error);
      out.once('close', () => reject(error)).destroy();
    };
    const timer = setTimeout(() => fail(new AppError('request_timeout', `上传超过 ${limits.deadlineMs / 1000} 秒仍未完成，请在网络较好时重试`)), limits.deadlineMs);
    const oneFile = () => fail(new AppError('bad_request', '请只上传一个文件', { field: limits.field }));

    parser.on('file', (name, stream) => {
      if (name !== limits.field || out) return void (stream.resume(), oneFile());
      out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      out.on('error', (error) => fail(new AppError('internal', '无法暂存上传的文件，请稍后重试', { reason: error.message })));
      stream.on('data', (chunk: Buffer) => void (size += chunk.length));
      stream.on('limit', () => fail(tooLarge));
      stream.on('error', (error: Error) => fail(new AppError('bad_request', UNREADABLE, { reason: error.message })));
      stream.pipe(out);
    });
    parser.on('filesLimit', oneFile);
    parser.on('partsLimit', oneFile);
    parser.on('fieldsLimit', oneFile);
    parser.on('error', (error: Error) => fail(new AppError('bad_request', UNREADABLE, { reason: error.message })));
    parser.on('close', () => {
      if (!out) return fail(new AppError('bad_request', '没有收到文件，请选择文件后再上传', { field: limits.field }));
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(size);
      };
      if (out.closed) done();
      else out.once('close', done);
    });
    req.on('close', () => {
      if (!req.complete) fail(new AppError('bad_request', '上传在完成前中断了'));
    });
    req.pipe(parser);
  });
}
