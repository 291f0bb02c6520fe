// The evidence ledger over HTTP. The public key and the latest signed head are public by design:
// anyone holding a document must be able to check it without an account. Proofs reveal entry
// hashes of other cases, so they are for HR roles (permission evidence.read).
import { z } from 'zod';
import { treeHeadText } from '../../domain/evidence/tree-head-text.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getConsistencyProof } from '../../services/evidence/get-consistency-proof.ts';
import { getInclusionProof } from '../../services/evidence/get-inclusion-proof.ts';
import { latestTreeHead, publicTreeHead } from '../../services/evidence/signed-heads.ts';
import { defineRoute, type ApiRoute } from '../api-route.ts';

const count = (what: string) => z.string().regex(/^\d{1,9}$/, `${what}必须是非负整数`).transform(Number);

export function evidenceRoutes(deps: ServiceDeps): ApiRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/evidence/public-key', tag: 'evidence', auth: false, roles: 'PUBLIC',
      summary: 'The Ed25519 public key (PEM, text/plain) that signs evidence tree heads; keyId = SHA-256 of its SPKI DER (header X-Key-Id)',
      handler: async ({ ctx }) => {
        ctx.type = 'text/plain; charset=utf-8';
        ctx.set('X-Key-Id', deps.ledgerKey.keyId);
        return deps.ledgerKey.publicKeyPem;
      },
    }),
    defineRoute({
      method: 'get', path: '/evidence/tree-head', tag: 'evidence', auth: false, roles: 'PUBLIC',
      summary: 'The latest signed tree head: {size, rootHash, signature (base64 Ed25519 over the head text), keyId, signedAt, tsaToken (base64 DER) | null, text}',
      handler: async () => {
        const head = publicTreeHead(await latestTreeHead(deps));
        return { ...head, text: treeHeadText(head) };
      },
    }),
    defineRoute({
      method: 'get', path: '/evidence/entries/:index/inclusion-proof', action: 'evidence.read', tag: 'evidence', roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      summary: 'RFC 6962 audit path of entry :index in the tree of ?size= entries (default: the latest signed head)',
      params: z.object({ index: count('条目序号') }),
      query: z.object({ size: count('树的大小').optional() }).strict(),
      handler: ({ params, query, actor }) => getInclusionProof(deps, { index: params.index, size: query.size, actor }),
    }),
    defineRoute({
      method: 'get', path: '/evidence/consistency-proof', action: 'evidence.read', tag: 'evidence', roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      summary: 'RFC 6962 consistency proof that the tree of ?to= entries (default: latest signed head) extends the tree of ?from= entries',
      query: z.object({ from: count('from '), to: count('to ').optional() }).strict(),
      handler: ({ query, actor }) => getConsistencyProof(deps, { from: query.from, to: query.to, actor }),
    }),
  ];
}
