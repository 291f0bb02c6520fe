// Evidence packs over HTTP: HR (or the employee, for their own) downloads a pack as a zip; anyone
// holding a document or a pack may upload it to /evidence/verify and get a verdict, without an
// account: the check needs only the file and the company's public key. Being public, the upload is
// rate-limited per client, admitted a few at a time, and streamed to a temporary file.
import { open } from 'node:fs/promises';
import { z } from 'zod';
import type { VerifyResponse } from '../../domain/views/evidence.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { buildEvidencePack } from '../../services/evidence/build-evidence-pack.ts';
import { sniffFileType } from '../../domain/files/sniff-file-type.ts';
import { verifyDocument } from '../../services/evidence/verify-document.ts';
import { verifyEvidencePack } from '../../services/evidence/verify-evidence-pack.ts';
import { defineRoute, type ApiRoute } from '../api-route.ts';
import { rateLimit } from '../rate-limit.ts';
import { createRateLimiter } from '../rate-limits.ts';
import { receiveUploadFile } from '../receive-upload-file.ts';
import { verifyAdmission } from '../verify-admission.ts';

/**
 * The largest file /evidence/verify accepts. A pack is its signed texts and system PDFs (tens of
 * KB each, the CJK font embedded as a subset) plus what people uploaded: proofs of at most
 * MAX_PROOF_BYTES (10 MB, photos and scans that zip cannot shrink) and signatures of at most 1 MB.
 * A case pack holds one or two proofs, an employee's pack a few: 50 MB leaves room for five
 * full-size proofs. The H5 checks the same number before uploading (src/h5/verify-labels.ts).
 */
export const MAX_VERIFY_UPLOAD_BYTES = 50 * 1024 * 1024;
/** A 50 MB pack needs about 3.5 Mbit/s to arrive in time; a PDF, any connection. */
export const VERIFY_UPLOAD_DEADLINE_MS = 120_000;

const packQuery = z.object({
  employeeId: z.uuid({ error: '员工编号格式不正确，请从员工名单中选择' }).optional(),
  subjectType: z.string().min(1).max(100).optional(),
  subjectId: z.string().min(1).max(100).optional(),
});

/** `uploadDir`: where uploads wait while they are verified (a folder under DATA_DIR). */
export function evidencePackRoutes(deps: ServiceDeps, opts: { uploadDir: string }): ApiRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/evidence/packs', tag: 'evidence',
      summary: 'Download the evidence pack (zip) of an employee (?employeeId=) or a case (?subjectType=&subjectId=): documents, signatures, proofs, entries with inclusion proofs, the signed tree head, the timeline, README and verify.sh',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN; everyone for their own employee scope',
      query: packQuery,
      handler: async ({ query, actor, ctx }) => {
        const { employeeId, subjectType, subjectId } = query;
        if (employeeId ? subjectType || subjectId : !(subjectType && subjectId)) {
          throw new AppError('bad_request', '请选择一名员工（员工的证据包）或一个案件（案件的证据包），二者只选其一');
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
      summary: 'Check a document (PDF, image…) or an evidence pack (zip) in field `file` (≤ 50 MB) against the company ledger. Public: {kind, authentic, reasons[], …}. Per client 20 per 10 minutes (429 + Retry-After); 2 at once per instance (503 + Retry-After)',
      roles: 'PUBLIC',
      middleware: [rateLimit(createRateLimiter(deps.db, 'verify')), verifyAdmission()],
      handler: async ({ ctx }): Promise<VerifyResponse> => {
        const file = await receiveUploadFile(ctx, { field: 'file', maxBytes: MAX_VERIFY_UPLOAD_BYTES, dir: opts.uploadDir, deadlineMs: VERIFY_UPLOAD_DEADLINE_MS });
        try {
          if (file.size === 0) throw new AppError('bad_request', '上传的文件是空的');
          if (await isZip(file.path)) return { kind: 'pack', ...(await verifyEvidencePack(file.path, { publicKeyPem: deps.ledgerKey.publicKeyPem })) };
          const recognised = (await sniffFileType(await firstBytes(file.path))) !== undefined;
          const verdict = await verifyDocument(deps, { path: file.path });
          // Not ours and not even a PDF or image: say what the file is not, rather than 「可能被改动过」.
          const reasons = !verdict.authentic && !recognised && verdict.entries.length === 0 ? [NOT_A_DOCUMENT] : verdict.reasons;
          return { kind: 'document', recognised, ...verdict, reasons };
        } finally {
          await file.remove();
        }
      },
    }),
  ];
}

const NOT_A_DOCUMENT = '❌ 这个文件不是 PDF（也不是图片或证据包 zip），不是本公司出具的文件：请上传签署的声明等 PDF 文件或证据包';

/** Enough of the head of a file for its type to be sniffed from the magic bytes. */
async function firstBytes(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4100), 0, 4100, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** A zip starts with a local file header (PK\x03\x04) or, when empty, the end record (PK\x05\x06). */
async function isZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer: b, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
  } finally {
    await file.close();
  }
}
