// Requests written by hand, for tests that need what supertest cannot do: send from another
// loopback address (another client, as the server sees it), hold an upload open, or stream more
// bytes than anyone should buffer.
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
}

/** GET `path` from `from` (e.g. 127.0.0.2) with `headers`. */
export function get(base: string, path: string, opts: { from?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const url = new URL(path, base);
  const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', localAddress: opts.from, headers: opts.headers });
  const response = answer(req);
  req.end();
  return response;
}

export interface OpenUpload {
  req: ClientRequest;
  /** Settles with the answer, even one sent before the upload ended. */
  response: Promise<RawResponse>;
  /** The multipart head of field `file`; write file bytes after it, then `end()`. */
  head: Buffer;
  end(): void;
}

const BOUNDARY = 'sentinel-test-boundary';

/** Starts POST `path` from `from` (e.g. 127.0.0.2); nothing of the file is sent yet. */
export function openUpload(base: string, path: string, opts: { from?: string; headers?: Record<string, string> } = {}): OpenUpload {
  const url = new URL(path, base);
  const req = httpRequest({
    host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: opts.from,
    headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, ...opts.headers },
  });
  // The server may close the socket while we still write: that is what is under test.
  req.on('error', () => {});
  const response = answer(req);
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="file.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  return { req, response, head, end: () => req.end(`\r\n--${BOUNDARY}--\r\n`) };
}

/** Uploads `bytes` as field `file` from `from` in one go. */
export function upload(base: string, path: string, bytes: Buffer, from?: string): Promise<RawResponse> {
  const open = openUpload(base, path, { from });
  open.req.write(Buffer.concat([open.head, bytes]));
  open.end();
  return open.response;
}

function answer(req: ClientRequest): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} });
      });
      res.on('error', reject);
    });
  });
}
