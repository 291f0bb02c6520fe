// Issue 13 §3: a signature sent with a forged X-Forwarded-For must record the real client in the
// signed ledger entry, the audit event and the evidence pack timeline, with the raw chain beside it.
import { describe, expect, it } from 'vitest';
import { buildEvidencePack } from '../../src/services/evidence/build-evidence-pack.ts';
import { readPackZip } from '../../src/services/evidence/read-pack-zip.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { signedPng } from '../helpers/make-png.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
const owner = await makeActor(t.deps, ['EMPLOYEE'], { name: '钱七' });
const hr = await makeActor(t.deps, ['HR_SPECIALIST']);
const asOwner = { Authorization: `Bearer ${(await createSession(t.deps, { employeeId: owner.employee.id, platform: 'wecom', method: 'test' })).token}` };
const FORGED = '6.6.6.6, 203.0.113.9';

/** Signs a fresh insurance-exception declaration through `env`'s app with the forged chain. */
async function signThrough(env: Record<string, string>) {
  const { request } = createTestApp(t, env);
  const exception = await t.db.insuranceException.create({ data: { employeeId: owner.employee.id, kind: 'DUAL_EMPLOYMENT', reasonCategory: 'OTHER_EMPLOYER_PAYS', status: 'DRAFT' } });
  const res = await request.post('/api/v1/signatures').set({ ...asOwner, 'X-Forwarded-For': FORGED }).send({
    template: 'insurance-exception-declaration', subjectId: exception.id, typedName: '钱七', statementAccepted: true,
    signaturePng: `data:image/png;base64,${signedPng().toString('base64')}`,
  });
  expect(res.status).toBe(201);
  const signatureId = res.body.signatureId as string;
  const entry = await t.db.evidenceEntry.findFirstOrThrow({ where: { type: 'signature', subjectId: exception.id } });
  const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'declaration.signed', data: { path: ['signatureId'], equals: signatureId } } });
  const signature = await t.db.signature.findUniqueOrThrow({ where: { id: signatureId } });
  return { exception, entry: entry.metadata as Record<string, unknown>, audit, signature };
}

describe('X-Forwarded-For on a signature', () => {
  it('is ignored when no proxy is trusted, even on a public bind address: the socket address is recorded', async () => {
    const { entry, audit, signature } = await signThrough({ HOST: '0.0.0.0' });
    expect(entry.ip).toBe('127.0.0.1');
    expect(signature.ip).toBe('127.0.0.1');
    expect(audit.ip).toBe('127.0.0.1');
    expect(entry.forwardedFor).toBe(FORGED);
    expect(audit.actor).toMatchObject({ forwardedFor: FORGED });
    expect(JSON.stringify(entry)).not.toContain('"ip":"6.6.6.6"');
  });

  it('yields the right-most untrusted address behind a trusted proxy, in the ledger entry, the audit event and the pack timeline', async () => {
    const { exception, entry, audit } = await signThrough({ HOST: '0.0.0.0', TRUSTED_PROXIES: '127.0.0.1' });
    expect([entry.ip, audit.ip]).toEqual(['203.0.113.9', '203.0.113.9']);
    expect(entry.forwardedFor).toBe(FORGED);
    const pack = await buildEvidencePack(t.deps, { scope: { kind: 'case', subjectType: 'insurance_exception', subjectId: exception.id }, actor: hr.actor });
    const files = await readPackZip(pack.zip);
    const timeline = JSON.parse(files.get('timeline.json')!.toString('utf8')) as { type: string; ip: string }[];
    expect(timeline.find((r) => r.type === 'declaration.signed')?.ip).toBe('203.0.113.9');
    expect(files.get('timeline.csv')!.toString('utf8')).not.toContain('"6.6.6.6"');
  });
});

describe('X-Forwarded-Proto', () => {
  const secureCookie = async (env: Record<string, string>) => {
    const { request } = createTestApp(t, env);
    const res = await request.post('/api/v1/h5/dev-login').set('X-Forwarded-Proto', 'https').send({ employeeId: owner.employee.id });
    expect(res.status).toBe(200);
    return /;\s*secure/i.test(([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n'));
  };

  it('marks the session cookie Secure only when a trusted proxy says https', async () => {
    expect(await secureCookie({ HOST: '0.0.0.0' })).toBe(false);
    expect(await secureCookie({ TRUSTED_PROXIES: '10.0.0.0/8' })).toBe(false);
    expect(await secureCookie({ TRUSTED_PROXIES: '127.0.0.1' })).toBe(true);
  });
});
