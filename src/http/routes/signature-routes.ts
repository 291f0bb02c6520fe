// Declarations: read before signing, sign on the phone, list and download what one has signed.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getDeclaration } from '../../services/signatures/get-declaration.ts';
import { getSignedDocument } from '../../services/signatures/get-signed-document.ts';
import { listMySignatures } from '../../services/signatures/list-my-signatures.ts';
import { signDeclaration } from '../../services/signatures/sign-declaration.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { sendFile } from './proof-routes.ts';

const templateId = z.string().regex(/^[a-z0-9-]{1,60}$/, '找不到这份声明的模板，请从待办或聊天中的链接重新打开');
const declarationParams = z.object({ template: templateId, subjectId: z.uuid({ message: '事项编号格式不正确，请从列表重新打开' }) });
const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+=*)$/;
const signBody = z.object({
  template: templateId,
  subjectId: z.uuid({ message: '事项编号格式不正确，请从列表重新打开' }),
  typedName: z.string({ message: '请输入与本人姓名一致的姓名' }).max(50, '请输入与本人姓名一致的姓名'),
  statementAccepted: z.boolean({ message: '请阅读并勾选确认声明' }),
  // Base64 of ≤ 1 MB; the JSON body limit (1 MB) is the tighter bound in practice.
  signaturePng: z.string({ message: '请先手写签名' }).max(1_400_000, '签名图片过大：不超过 1 MB'),
});
const signatureParams = idParams('签署文件');
const fileQuery = z.object({ download: z.enum(['0', '1']).optional() }).strict();

export function signatureRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/declarations/:template/:subjectId', tag: 'signatures', params: declarationParams,
      summary: 'The rendered declaration (title, facts, paragraphs), its checkbox statement and whether it is signed',
      roles: 'the employee concerned; HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params }) => getDeclaration(deps, { actor, template: params.template, subjectId: params.subjectId }),
    }),
    defineRoute({
      method: 'post', path: '/signatures', tag: 'signatures', body: signBody, status: 201,
      summary: 'Sign a declaration: typed name (must equal the employee\'s), statementAccepted, signaturePng as a PNG data URL. Renders, hashes and ledgers the PDF; 409 when already signed',
      roles: 'the employee concerned, signed in on a platform (never on their behalf)',
      handler: ({ actor, body }) => {
        if (!actor.platform) throw new AppError('forbidden', '声明只能由员工本人在企业微信、钉钉或 H5 登录后签署');
        const match = PNG_DATA_URL.exec(body.signaturePng.replace(/\s/g, ''));
        if (!match?.[1]) throw new AppError('validation_failed', '请先手写签名（签名应为 PNG 图片）');
        return signDeclaration(deps, {
          actor, platform: actor.platform, template: body.template, subjectId: body.subjectId, typedName: body.typedName,
          statementAccepted: body.statementAccepted, signaturePng: Buffer.from(match[1], 'base64'),
        });
      },
    }),
    defineRoute({
      method: 'get', path: '/signatures', tag: 'signatures',
      summary: 'The declarations the signed-in employee has signed, newest first, with links to the PDFs',
      roles: 'any signed-in employee (own only)',
      handler: ({ actor }) => listMySignatures(deps, { actor }),
    }),
    defineRoute({
      method: 'get', path: '/signatures/:id/document', tag: 'signatures', params: signatureParams, query: fileQuery,
      summary: 'The signed PDF (inline; ?download=1 as attachment). 404 for anyone but the signer and HR',
      roles: 'the signer; HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: async ({ actor, params, query, ctx }) => sendFile(ctx, await getSignedDocument(deps, { actor, signatureId: params.id }), query.download === '1'),
    }),
  ];
}
