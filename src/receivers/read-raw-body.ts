// Callbacks are signed over their exact bytes, so receivers read the raw body themselves
// (the JSON body parser lives under /api/v1 only), with a hard cap checked before reading.
import type { IncomingMessage } from 'node:http';
import { CallbackRejection } from './callback-rejection.ts';

export const CALLBACK_BODY_LIMIT = 1024 * 1024;

export function readRawBody(req: IncomingMessage, limit = CALLBACK_BODY_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  // Refused on the header alone: Node drains the unread body after the answer, keeping the connection usable.
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(declared, limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      req.resume(); // discard the rest without buffering it, so the 413 can be read by the sender
      reject(tooLarge(size, limit));
    };
    const onEnd = () => (cleanup(), resolve(Buffer.concat(chunks, size)));
    const onError = (error: Error) => (cleanup(), reject(error));
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooLarge(size: number, limit: number): CallbackRejection {
  return new CallbackRejection(413, '请求体超过 1 MB', `request body of ${size}+ bytes is over the ${limit}-byte cap: platforms never send that much, refused`);
}
