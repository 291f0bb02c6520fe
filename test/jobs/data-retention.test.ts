// The data-retention job (《个人信息保护法》第十九条、第四十七条): old clock-in positions are cleared,
// the stored files of employees who left long ago are deleted while the ledger keeps their hashes,
// and both `evidence verify` and the evidence pack say 「原件已按保存期限删除」 for them — but a file
// that disappears without a recorded deletion still breaks verification.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerifyLedger } from '../../src/cli/evidence-commands.ts';
import { dataRetention } from '../../src/jobs/definitions/data-retention.ts';
import { createLogger } from '../../src/log.ts';
import { buildEvidencePack } from '../../src/services/evidence/build-evidence-pack.ts';
import { verifyEvidencePack } from '../../src/services/evidence/verify-evidence-pack.ts';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { uploadProof } from '../../src/services/proofs/upload-proof.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';

let now = new Date('2026-06-01T02:00:00Z');
const t = await createTestDb({ now: () => now });
const run = (asOf: string) => dataRetention.run({ deps: t.deps, asOf, log: createLogger('silent') });
const hr = await makeActor(t.deps, ['HR_SPECIALIST']);
const pdf = (text: string) => Buffer.concat([pdfBytes(), Buffer.from(`% ${text}\n`)]);

async function clockIn(employeeId: string, at: string) {
  return t.db.attendanceRecord.create({ data: { employeeId, day: new Date(`${at.slice(0, 10)}T00:00:00Z`), at: new Date(at), source: 'h5', sourceId: `${employeeId}-${at}`, kind: '上班', flags: [], locationEnc: 'v1:ciphertext' } });
}

function unzip(zip: Buffer): string {
  const to = mkdtempSync(join(tmpdir(), 'pack-'));
  writeFileSync(join(to, 'pack.zip'), zip);
  execFileSync('unzip', ['-q', 'pack.zip', '-d', 'pack'], { cwd: to });
  return join(to, 'pack');
}

describe('the data-retention job', () => {
  it('clears old positions, deletes long-gone employees\' files, and verification says the originals were deleted lawfully', async () => {
    const gone = await makeEmployee(t.deps, { name: '早离职', status: 'EXITED', exitDate: '2026-05-31' });
    const recent = await makeEmployee(t.deps, { name: '新离职', status: 'EXITED', exitDate: '2028-12-31' });
    const active = await makeEmployee(t.deps, { name: '在职者' });
    const goneProof = await uploadProof(t.deps, { actor: hr.actor, employeeId: gone.id, kind: 'PENSION_CERTIFICATE', consent: true, fileName: '退休证.pdf', bytes: pdf('gone') });
    const keptProof = await uploadProof(t.deps, { actor: hr.actor, employeeId: recent.id, kind: 'OTHER', fileName: '证明.pdf', bytes: pdf('recent') });
    await clockIn(gone.id, '2026-05-20T01:00:00Z');
    const contribution = (employeeId: string) => ({ employeeId, month: '2026-05', insuranceType: 'PENSION' as const, baseFen: 1_000_000, employerFen: 160_000, employeeFen: 80_000, sourceFile: '2026-05.csv' });
    await t.db.contributionRecord.createMany({ data: [contribution(gone.id), contribution(recent.id)] });
    await t.db.statementNotice.create({ data: { employeeId: gone.id, month: '2026-05', queuedAt: now } });
    const old = await clockIn(active.id, '2028-11-01T01:00:00Z');
    const fresh = await clockIn(active.id, '2029-03-01T01:00:00Z');

    now = new Date('2029-03-10T20:00:00Z');
    expect(await run('2029-03-10')).toBe('cleared 2 clock-in position(s), deleted 1 attendance record(s), 1 wage/contribution record(s) and 1 stored file(s) past retention');
    // Wage and contribution rows go with the rest 2 years after exit (工资支付暂行规定 第六条); the recent leaver's stay.
    expect(await t.db.contributionRecord.findMany({ select: { employeeId: true } })).toEqual([{ employeeId: recent.id }]);
    expect(await t.db.statementNotice.count({ where: { employeeId: gone.id } })).toBe(0);
    expect((await t.db.attendanceRecord.findUniqueOrThrow({ where: { id: old.id } })).locationEnc).toBeNull();
    expect((await t.db.attendanceRecord.findUniqueOrThrow({ where: { id: fresh.id } })).locationEnc).toBe('v1:ciphertext');
    expect(await t.db.attendanceRecord.count({ where: { employeeId: gone.id } })).toBe(0);
    expect(await t.deps.files.has(goneProof.sha256)).toBe(false);
    expect(await t.deps.files.has(keptProof.sha256)).toBe(true);
    // The ledger is untouched: the proof's entry and its hash stay; the deletion is a new entry.
    expect((await t.db.evidenceEntry.findFirstOrThrow({ where: { index: goneProof.evidenceIndex } })).payloadHash).toBe(goneProof.sha256);
    expect(await t.db.evidenceEntry.count({ where: { type: 'retention.file_deleted', employeeId: gone.id } })).toBe(1);
    expect(await run('2029-03-10')).toBe('cleared 0 clock-in position(s), deleted 0 attendance record(s), 0 wage/contribution record(s) and 0 stored file(s) past retention');

    expect(await verifyLedger(t.deps)).toMatchObject({ ok: true, deletedOriginals: 1 });
    let out = '';
    const code = await runVerifyLedger(t.deps, { out: { write: (s: string) => (out += s) }, err: { write: () => true } });
    expect([code, out]).toEqual([0, expect.stringContaining('1 份原件已按保存期限删除')]);

    const pack = await buildEvidencePack(t.deps, { scope: { kind: 'employee', employeeId: gone.id }, actor: hr.actor });
    const dir = unzip(pack.zip);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(`| ${goneProof.evidenceIndex} | proof |`);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(new RegExp(`\\| ${goneProof.evidenceIndex} \\| proof \\| [^|]+ \\| 原件已按保存期限删除 \\|`));
    const checked = await verifyEvidencePack(pack.zip, { publicKeyPem: t.deps.ledgerKey.publicKeyPem });
    expect(checked.authentic).toBe(true);
    expect(checked.reasons.join('\n')).toContain('原件已按保存期限删除');
    const commands = /```sh\n([\s\S]*?)```/.exec(readFileSync(join(dir, 'README.md'), 'utf8'))?.[1] ?? '';
    const script = spawnSync('bash', ['-c', commands], { cwd: dir, encoding: 'utf8' });
    expect([script.status, script.stdout]).toEqual([0, expect.stringContaining('原件已按保存期限删除')]);

    // A file removed without a recorded deletion is tampering, and still reported.
    await t.deps.files.delete(keptProof.sha256);
    expect(await verifyLedger(t.deps)).toMatchObject({ ok: false, failure: { index: keptProof.evidenceIndex, reason: expect.stringContaining('文件无法读取') } });
  }, 120_000);

  it('refuses nothing it should keep: a retention below the statutory two years falls back to the defaults', async () => {
    const { parseRetentionRules } = await import('../../src/domain/privacy/retention-rules.ts');
    expect(parseRetentionRules(JSON.stringify({ attendanceYearsAfterExit: 1 })).error).toContain('至少保存至离职后 2 年');
    expect(parseRetentionRules(JSON.stringify({ locationDays: 30 })).rules.locationDays).toBe(30);
  });
});
