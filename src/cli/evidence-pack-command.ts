// `sentinel evidence pack` (build a pack) and the pack branch of `sentinel evidence verify
// <pack.zip>`: prints every check and returns 0 (authentic) or 1. It trusts the key given with
// --key (no database needed), else the company's ledger key (kept in the database).
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { buildEvidencePack } from '../services/evidence/build-evidence-pack.ts';
import { MAX_PACK_BYTES } from '../services/evidence/read-pack-zip.ts';
import { verifyEvidencePack } from '../services/evidence/verify-evidence-pack.ts';
import type { CommandContext } from './setup-commands.ts';

interface Out {
  write(s: string): unknown;
}

/** The pack branch of `sentinel evidence verify <pack.zip>`; exit code 0 authentic, 1 not. */
export async function runVerifyEvidencePack(file: string, out: Out, opts: { keyFile?: string; ownPublicKeyPem?: string }): Promise<number> {
  const size = await stat(file).then((s) => s.size, () => -1);
  if (size < 0) throw new AppError('not_found', `找不到文件：${file}`);
  if (size > MAX_PACK_BYTES) throw new AppError('payload_too_large', `证据包超过 ${MAX_PACK_BYTES / 1048576} MB 上限`);
  const publicKeyPem = opts.keyFile ? await readFile(opts.keyFile, 'utf8') : opts.ownPublicKeyPem;
  const v = await verifyEvidencePack(await readFile(file), { publicKeyPem });
  out.write(`${v.reasons.join('\n')}\n`);
  out.write(`${v.entries} 条证据，树大小 ${v.treeSize}，公钥 ${v.keyId.slice(0, 16)}…${v.keyTrusted ? '（本公司密钥）' : '（未与本公司密钥比对）'}\n`);
  out.write(v.authentic ? '结论：✅ 证据包真实有效\n' : '结论：❌ 证据包无法验证\n');
  return v.authentic ? 0 : 1;
}

/** `sentinel evidence pack --employee <工号> | --case <type>:<id> [--out file.zip]`. */
export async function runBuildEvidencePack(deps: ServiceDeps, opts: { employee?: string; case?: string; out?: string }, io: { out: Out; err: Out }): Promise<number> {
  if (Boolean(opts.employee) === Boolean(opts.case)) throw new AppError('bad_request', '请指定 --employee <工号> 或 --case <类型>:<编号> 之一');
  let scope: Parameters<typeof buildEvidencePack>[1]['scope'];
  if (opts.employee) {
    const employee = await deps.db.employee.findUnique({ where: { employeeNo: opts.employee }, select: { id: true } });
    if (!employee) throw new AppError('not_found', `找不到工号为 ${opts.employee} 的员工`);
    scope = { kind: 'employee', employeeId: employee.id };
  } else {
    const m = /^([^:]+):(.+)$/.exec(opts.case as string);
    if (!m) throw new AppError('bad_request', '--case 须写成 类型:编号，例如 insurance_exception:3f2c…');
    scope = { kind: 'case', subjectType: m[1] as string, subjectId: m[2] as string };
  }
  const pack = await buildEvidencePack(deps, {
    scope,
    actor: systemActor('cli', '命令行'),
    onProgress: (p) => io.err.write(`${p.step} ${p.done}/${p.total}\n`),
  });
  const target = opts.out ?? pack.fileName;
  await writeWhole(target, pack.zip);
  io.out.write(`已写入 ${target}：${pack.entries} 条证据，树大小 ${pack.treeSize}，${(pack.zip.length / 1024).toFixed(1)} KB\n核验：unzip 后按 README.md 运行，或 sentinel evidence verify ${target}\n`);
  return 0;
}

/** Adds `pack` to the `sentinel evidence` command group. */
export function registerEvidencePackCommand(evidence: Command, ctx: CommandContext): void {
  evidence
    .command('pack')
    .description('write the evidence pack (zip) of an employee or a case')
    .option('--employee <工号>', 'employee number')
    .option('--case <type:id>', 'case, e.g. insurance_exception:<id>')
    .option('--out <file.zip>', 'where to write the zip (default: evidence-….zip here)')
    .action((opts: { employee?: string; case?: string; out?: string }) =>
      ctx.withRuntime(async (rt) => ctx.setExitCode(await runBuildEvidencePack(rt.deps, opts, ctx.io))),
    );
}

/**
 * Written beside the target under a hidden name, then renamed: a process killed mid-write leaves
 * no half zip under the pack's name (rename within one directory is atomic).
 */
async function writeWhole(target: string, bytes: Buffer): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(partial, bytes);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
}
