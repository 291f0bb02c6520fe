// The check: an evidence pack verifies with the commands of its own README (sha256sum,
// openssl, bash) on the unzipped folder, and stops verifying when one byte of a document changes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { runBuildEvidencePack, runVerifyEvidencePack } from '../../src/cli/evidence-pack-command.ts';
import { buildEvidencePack } from '../../src/services/evidence/build-evidence-pack.ts';
import { readPackZip } from '../../src/services/evidence/read-pack-zip.ts';
import { verifyEvidencePack } from '../../src/services/evidence/verify-evidence-pack.ts';
import { verifyDocument } from '../../src/services/evidence/verify-document.ts';
import { generateLedgerKey } from '../../src/crypto/ledger-key.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { DECLARATION_PDF, DEVICE, seedPackLedger } from './pack-fixture.ts';
import { tamper } from './ledger-fixture.ts';

const t = await createTestDb();
const deps = t.deps;
const seeded = await seedPackLedger(deps);
const progress: string[] = [];
const pack = await buildEvidencePack(deps, { scope: { kind: 'employee', employeeId: seeded.employee.id }, actor: seeded.hr, onProgress: (p) => progress.push(`${p.step} ${p.done}/${p.total}`) });
const dir = unzip(pack.zip);
const readme = readFileSync(join(dir, 'README.md'), 'utf8');
const commands = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

function unzip(zip: Buffer): string {
  const to = mkdtempSync(join(tmpdir(), 'pack-'));
  writeFileSync(join(to, 'pack.zip'), zip);
  execFileSync('unzip', ['-q', 'pack.zip', '-d', 'pack'], { cwd: to });
  return join(to, 'pack');
}

const runReadme = (cwd: string) => spawnSync('bash', ['-c', commands], { cwd, encoding: 'utf8' });

async function rezip(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('evidence pack', () => {
  it('holds the employee\'s entries, documents, signature, proof, rows, timeline and signed head', () => {
    const list = (sub: string) => readdirSync(join(dir, sub)).sort();
    expect(pack.entries).toBe(3);
    expect(pack.fileName).toMatch(new RegExp(`^evidence-employee-${seeded.employee.employeeNo}-\\d{8}-\\d{4}\\.zip$`));
    expect(list('entries')).toEqual(['0.json', '1.json', '2.json']);
    expect(list('proofs')).toEqual(['0.txt', '1.txt', '2.txt']);
    expect(list('signatures')).toEqual([`${seeded.signatureId}.png`]);
    expect(list('documents')).toEqual([`declaration-${seeded.signatureId}.pdf`]);
    expect(list('proofs-files')).toEqual([`${seeded.proofId}.jpg`]);
    expect(list('rows')).toEqual(['1.json', '2.json']);
    expect(readFileSync(join(dir, 'documents', `declaration-${seeded.signatureId}.pdf`)).equals(DECLARATION_PDF)).toBe(true);
    expect(readFileSync(join(dir, 'tree-head.txt'), 'utf8')).toMatch(/^shebao-sentinel evidence tree head v1\nsize: 4\nroot: [0-9a-f]{64}\n/);
    expect(readFileSync(join(dir, 'tree-head.sig')).length).toBe(64);
    expect(readFileSync(join(dir, 'public-key.pem'), 'utf8')).toBe(deps.ledgerKey.publicKeyPem);
    // The other employee's entry (#3) stays out.
    expect(readFileSync(join(dir, 'entries.txt'), 'utf8')).not.toMatch(/^3 /m);
    expect(progress.at(-1)).toMatch(/1\/3|3\/3/);
  });

  it('has a README (Chinese first) and a timeline with who, when, IP and device', async () => {
    expect(readme.indexOf('中文说明')).toBeLessThan(readme.indexOf('English'));
    expect(readme).toContain(seeded.employee.name);
    expect(readme).toContain(seeded.hr.name);
    const csv = readFileSync(join(dir, 'timeline.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('签署声明');
    expect(csv).toContain('上传证明材料');
    expect(csv).toContain('203.0.113.7');
    expect(csv).toContain(DEVICE);
    const signed = await deps.db.auditEvent.findFirstOrThrow({ where: { type: 'declaration.signed' } });
    const beijing = new Date(signed.at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(csv).toContain(`"${beijing}","${seeded.employee.name}","员工","签署声明","declaration.signed","203.0.113.7"`);
    const json = JSON.parse(readFileSync(join(dir, 'timeline.json'), 'utf8')) as { type: string; who: string }[];
    expect(json.map((e) => e.type)).toEqual(expect.arrayContaining(['declaration.signed', 'proof.uploaded']));
  });

  it('verifies with the sh block of its own README (sha256sum, openssl, bash)', () => {
    expect(commands).toContain('sha256sum -c SHA256SUMS');
    expect(commands).toContain('openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in tree-head.txt -sigfile tree-head.sig');
    const run = runReadme(dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Signature Verified Successfully');
    expect(run.stdout).toContain('RESULT: pack verified');
    expect(run.stdout.match(/inclusion proof leads to root/g)).toHaveLength(3);
    expect(run.stdout).toContain(`proofs-files/${seeded.proofId}.jpg: its SHA-256 is recorded in rows/1.json`);
    expect(run.status).toBe(0);
  });

  it.each([
    ['a document', `documents/declaration-SIG.pdf`],
    ['an entry', 'entries/1.json'],
    ['a proof path', 'proofs/2.txt'],
    ['an uploaded proof', 'proofs-files/PROOF.jpg'],
  ])('fails the README commands when one byte of %s changes', (_what, file) => {
    const copy = mkdtempSync(join(tmpdir(), 'pack-tampered-'));
    cpSync(dir, copy, { recursive: true });
    const path = join(copy, file.replace('SIG', seeded.signatureId).replace('PROOF', seeded.proofId));
    const bytes = readFileSync(path);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] as number) ^ 0x01;
    writeFileSync(path, bytes);
    const run = runReadme(copy);
    expect(run.status).not.toBe(0);
    // Even with SHA256SUMS rewritten to match, verify.sh still catches the change.
    execFileSync('bash', ['-c', "sha256sum $(sed 's/^[0-9a-f]*  //' SHA256SUMS) > S && mv S SHA256SUMS"], { cwd: copy });
    const again = spawnSync('bash', ['verify.sh'], { cwd: copy, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/FAIL/);
  });

  it('verifyEvidencePack accepts the original against the company key', async () => {
    const v = await verifyEvidencePack(pack.zip, { publicKeyPem: deps.ledgerKey.publicKeyPem });
    expect(v.reasons.filter((r) => r.startsWith('❌'))).toEqual([]);
    expect(v).toMatchObject({ authentic: true, entries: 3, treeSize: 4, keyId: deps.ledgerKey.keyId, keyTrusted: true });
  });

  it('without a trusted key it still checks, but says the key is the pack\'s own', async () => {
    const v = await verifyEvidencePack(pack.zip);
    expect(v).toMatchObject({ authentic: true, keyTrusted: false });
    expect(v.reasons.join('\n')).toContain('自带的公钥');
  });

  it('another company\'s key does not vouch for the pack', async () => {
    const v = await verifyEvidencePack(pack.zip, { publicKeyPem: generateLedgerKey().publicKeyPem });
    expect(v.authentic).toBe(false);
    expect(v.reasons.join('\n')).toContain('不是本公司证据台账的公钥');
  });

  it('a tampered pack fails and the reason names the file and entry, even with SHA256SUMS recomputed', async () => {
    const files = await readPackZip(pack.zip);
    const name = `documents/declaration-${seeded.signatureId}.pdf`;
    const doc = Buffer.from(files.get(name) as Buffer);
    doc[10] = (doc[10] as number) ^ 0x01;
    files.set(name, doc);
    const v1 = await verifyEvidencePack(await rezip(files), { publicKeyPem: deps.ledgerKey.publicKeyPem });
    expect(v1.authentic).toBe(false);
    expect(v1.reasons.join('\n')).toContain(`${name} 已被改动`);
    expect(v1.reasons.join('\n')).toMatch(/条目 #0（signature）/);

    const sums = (files.get('SHA256SUMS') as Buffer).toString().replace(/^[0-9a-f]{64}(?= {2}documents\/)/m, (await import('node:crypto')).createHash('sha256').update(doc).digest('hex'));
    files.set('SHA256SUMS', Buffer.from(sums));
    const v2 = await verifyEvidencePack(await rezip(files), { publicKeyPem: deps.ledgerKey.publicKeyPem });
    expect(v2.authentic).toBe(false);
    expect(v2.reasons.filter((r) => r.startsWith('❌')).join('\n')).toMatch(/条目 #0（signature）：documents\/declaration-.*已被改动/);
  });

  it('an uploaded proof swapped for another file fails against the proof record that is in the ledger', async () => {
    const files = await readPackZip(pack.zip);
    const name = `proofs-files/${seeded.proofId}.jpg`;
    const forged = Buffer.from('a different scan');
    files.set(name, forged);
    const sums = (files.get('SHA256SUMS') as Buffer).toString().replace(/^[0-9a-f]{64}(?= {2}proofs-files\/)/m, (await import('node:crypto')).createHash('sha256').update(forged).digest('hex'));
    files.set('SHA256SUMS', Buffer.from(sums));
    const v = await verifyEvidencePack(await rezip(files), { publicKeyPem: deps.ledgerKey.publicKeyPem });
    expect(v.authentic).toBe(false);
    expect(v.reasons.filter((r) => r.startsWith('❌'))).toEqual([`❌ ${name} 已被改动或缺失：其 SHA-256 与 rows/1.json 中的记录不符`]);
  });

  it('a forged tree head fails the signature check', async () => {
    const files = await readPackZip(pack.zip);
    files.set('tree-head.txt', Buffer.from((files.get('tree-head.txt') as Buffer).toString().replace('size: 4', 'size: 5')));
    const v = await verifyEvidencePack(await rezip(files), { publicKeyPem: deps.ledgerKey.publicKeyPem });
    expect(v.authentic).toBe(false);
    expect(v.reasons.join('\n')).toContain('tree-head.sig 不是对 tree-head.txt 的有效签名');
  });

  it('refuses zip-slip names, zip bombs, too many files and garbage with clear errors', async () => {
    const slip = await rezip(new Map([['xx/evil.txt', Buffer.from('x')]]));
    const evil = Buffer.from(slip.toString('latin1').replaceAll('xx/evil.txt', '../evil.txt'), 'latin1');
    await expect(verifyEvidencePack(evil)).rejects.toThrow(/不安全的文件名（路径穿越）：\.\.\/evil\.txt/);
    const bomb = await rezip(new Map([['zeros.bin', Buffer.alloc(5 * 1024 * 1024)]]));
    expect(bomb.length).toBeLessThan(100_000);
    await expect(verifyEvidencePack(bomb, { limits: { maxBytes: 1024 * 1024, maxFiles: 100 } })).rejects.toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('压缩炸弹') });
    await expect(verifyEvidencePack(pack.zip, { limits: { maxBytes: 1 << 30, maxFiles: 5 } })).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(verifyEvidencePack(Buffer.from('not a zip at all'))).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('不是有效的 zip') });
    const partial = await verifyEvidencePack(await rezip(new Map([['README.md', Buffer.from('hi')]])));
    expect(partial.authentic).toBe(false);
    expect(partial.reasons[0]).toContain('不是完整的证据包');
  });

  it('records the export in the audit log', async () => {
    const events = await deps.db.auditEvent.findMany({ where: { type: 'evidence.pack_exported' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subjectType: 'employee', subjectId: seeded.employee.id, data: { scope: `employee:${seeded.employee.employeeNo}`, entries: 3, treeSize: 4 } });
  });

  it('lets an employee export only their own pack, and a case only when it is all theirs', async () => {
    await expect(buildEvidencePack(deps, { scope: { kind: 'employee', employeeId: seeded.other.id }, actor: seeded.employeeActor })).rejects.toMatchObject({ code: 'forbidden' });
    const own = await buildEvidencePack(deps, { scope: { kind: 'employee', employeeId: seeded.employee.id }, actor: seeded.employeeActor });
    expect(own.entries).toBe(3);
    const kase = await buildEvidencePack(deps, { scope: { kind: 'case', subjectType: 'insurance_exception', subjectId: seeded.exceptionId }, actor: seeded.employeeActor });
    expect(kase.entries).toBe(3);
    await expect(buildEvidencePack(deps, { scope: { kind: 'case', subjectType: 'employee', subjectId: seeded.other.id }, actor: seeded.employeeActor })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(buildEvidencePack(deps, { scope: { kind: 'case', subjectType: 'x', subjectId: 'none' }, actor: seeded.hr })).rejects.toMatchObject({ code: 'not_found' });
    await expect(buildEvidencePack(deps, { scope: { kind: 'case', subjectType: 'a b', subjectId: '../x' }, actor: seeded.hr })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('CLI: `evidence pack --employee` writes a zip with progress, `evidence verify <pack.zip>` prints each check and exits 0 / 1', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: { write: (s: string) => out.push(s) }, err: { write: (s: string) => err.push(s) } };
    const folder = mkdtempSync(join(tmpdir(), 'pack-cli-'));
    const target = join(folder, 'p.zip');
    expect(await runBuildEvidencePack(deps, { employee: seeded.employee.employeeNo, out: target }, io)).toBe(0);
    expect(out.join('')).toContain(`已写入 ${target}：3 条证据`);
    expect(err.join('')).toMatch(/条目 \/ entries 3\/3/);
    const keyFile = join(folder, 'company.pem');
    writeFileSync(keyFile, deps.ledgerKey.publicKeyPem);
    out.length = 0;
    expect(await runVerifyEvidencePack(target, io.out, { keyFile })).toBe(0);
    expect(out.join('')).toMatch(/✅ SHA256SUMS[\s\S]*（本公司密钥）[\s\S]*结论：✅ 证据包真实有效/);

    const files = await readPackZip(readFileSync(target));
    files.set('rows/1.json', Buffer.from('{}'));
    writeFileSync(target, await rezip(files));
    out.length = 0;
    expect(await runVerifyEvidencePack(target, io.out, {})).toBe(1);
    expect(out.join('')).toMatch(/❌ rows\/1\.json 已被改动[\s\S]*（未与本公司密钥比对）[\s\S]*结论：❌ 证据包无法验证/);
    await expect(runBuildEvidencePack(deps, { employee: 'NOPE' }, io)).rejects.toThrow('找不到工号为 NOPE 的员工');
    await expect(runBuildEvidencePack(deps, { case: 'nocolon' }, io)).rejects.toThrow('类型:编号');
  });

  // Last: it tampers with the ledger of this file's database.
  it('verifyDocument: a genuine file is authentic until its ledger entry is tampered with', async () => {
    const genuine = await verifyDocument(deps, { bytes: DECLARATION_PDF });
    expect(genuine).toMatchObject({ authentic: true, treeSize: 4, entries: [{ index: 0, type: 'signature', subjectId: seeded.exceptionId }] });
    const unknown = await verifyDocument(deps, { bytes: Buffer.from('something else') });
    expect(unknown.authentic).toBe(false);
    expect(unknown.reasons[0]).toContain('没有这个文件');
    await tamper(t.url, `UPDATE "EvidenceEntry" SET "metadata" = '{"template":"forged@1"}' WHERE index = 0`);
    const forged = await verifyDocument(deps, { bytes: DECLARATION_PDF });
    expect(forged.authentic).toBe(false);
    expect(forged.reasons.join('\n')).toContain('条目 #0 的字段与其叶子哈希不符');
  });
});
