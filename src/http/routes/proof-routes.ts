// Proof uploads (photo or PDF, checked by content) and their download, owner and HR only.
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { getProofFile } from '../../services/proofs/get-proof-file.ts';
import { listProofs } from '../../services/proofs/list-proofs.ts';
import { FALSE_REASON_MAX, markProofFalse } from '../../services/proofs/mark-proof-false.ts';
import { uploadProof } from '../../services/proofs/upload-proof.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { receiveMultipart } from '../receive-multipart.ts';
import type { AppContext } from '../state.ts';
import { uploadedFile } from './import-routes.ts';

const optionalText = z.string().trim().max(100).optional().transform((v) => v || undefined);
const uploadBody = z.object({
  kind: z.string({ message: '请选择证明类型' }).trim().min(1, '请选择证明类型').max(40),
  exceptionId: optionalText.pipe(z.uuid({ message: '例外申请编号格式不正确，请从列表重新打开' }).optional()),
  coversMonth: optionalText,
  employeeId: optionalText.pipe(z.uuid({ message: '员工编号格式不正确，请从列表重新打开' }).optional()),
  consent: z.enum(['true', 'false'], { message: '是否同意的取值无效，请重新勾选后上传' }).optional(),
});
const listQuery = z.object({ employeeId: z.uuid().optional(), exceptionId: z.uuid().optional() }).strict();
const proofParams = idParams('证明');
const falseBody = z.object({ reason: z.string({ message: '请写明认定不实的原因' }).trim().min(2, '认定不实的原因至少 2 个字').max(FALSE_REASON_MAX, `认定不实的原因最多 ${FALSE_REASON_MAX} 字`) }).strict();
const fileQuery = z.object({ download: z.enum(['0', '1']).optional() }).strict();

export function proofRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/proofs', tag: 'proofs', contentType: 'multipart/form-data', body: uploadBody, status: 201,
      summary: 'Upload a proof (field `file`: PDF, JPEG or PNG by content, ≤ 10 MB; fields kind, exceptionId?, coversMonth? YYYY-MM, employeeId? for HR, consent=true required for another employer\'s records and pension proofs — 《个人信息保护法》第二十九条). 415 for any other content whatever its name, 413 when too large',
      roles: 'any signed-in employee (self); HR_SPECIALIST, HR_MANAGER, ADMIN: anyone',
      middleware: [receiveProof()],
      handler: ({ actor, body, ctx }) => {
        const file = uploadedFile(ctx);
        return uploadProof(deps, {
          actor, employeeId: body.employeeId ?? actor.id, exceptionId: body.exceptionId, kind: body.kind, coversMonth: body.coversMonth,
          fileName: file.originalname, bytes: file.buffer, consent: body.consent === 'true',
        });
      },
    }),
    defineRoute({
      method: 'get', path: '/proofs', tag: 'proofs', query: listQuery,
      summary: 'Proofs, newest first (≤ 200): the caller\'s own, or for HR anyone\'s, filtered by employeeId / exceptionId',
      roles: 'any signed-in employee (self); HR_SPECIALIST, HR_MANAGER, ADMIN: all',
      handler: ({ actor, query }) => listProofs(deps, { actor, employeeId: query.employeeId, exceptionId: query.exceptionId }),
    }),
    defineRoute({
      method: 'get', path: '/proofs/:id/file', tag: 'proofs', params: proofParams, query: fileQuery,
      summary: 'The proof file (inline; ?download=1 as attachment). 404 for anyone but the owner and HR; HR reads are audited',
      roles: 'owner; HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: async ({ actor, params, query, ctx }) => {
        const file = await getProofFile(deps, { actor, proofId: params.id });
        return sendFile(ctx, file, query.download === '1');
      },
    }),
    defineRoute({
      method: 'post', path: '/proofs/:id/false', tag: 'proofs', params: proofParams, body: falseBody, roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN', action: 'proof.markFalse',
      summary: 'Mark a proof false with the reason, once (409 after): the employee loses the false-proof points (−5 by default); audit events proof.marked_false and points.awarded',
      handler: ({ actor, params, body }) => markProofFalse(deps, { actor, proofId: params.id, reason: body.reason }),
    }),
  ];
}

/** Sets the headers for a stored file and returns its bytes as the response body. */
export function sendFile(ctx: AppContext, file: { bytes: Buffer; mediaType: string; fileName: string }, download: boolean): Buffer {
  ctx.type = file.mediaType;
  ctx.set('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  return file.bytes;
}

/** Reads the multipart upload (≤ 10 MB) after checking the caller may upload at all. */
const receiveProof = () => receiveMultipart({
  action: 'proof.upload', files: 1, pick: (m) => m.single('file'),
  notMultipart: '请通过上传表单提交证明文件', wrongFiles: '请只上传一个文件',
});
