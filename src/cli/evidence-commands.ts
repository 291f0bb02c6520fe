// `sentinel evidence …`: verify the live ledger (or a pack), print the ledger's public key, and
// (registered by evidence-pack-command.ts) build packs.
import type { Command } from 'commander';
import type { ServiceDeps } from '../services/deps.ts';
import { sealTreeHead } from '../services/evidence/seal-tree-head.ts';
import { verifyLedger, type LedgerFailure } from '../services/evidence/verify-ledger.ts';
import { registerEvidencePackCommand, runVerifyEvidencePack } from './evidence-pack-command.ts';
import type { CliIo } from './main.ts';
import type { CommandContext } from './setup-commands.ts';

export function describeLedgerFailure(f: LedgerFailure): string {
  if (f.index !== undefined) return `ledger BROKEN at entry #${f.index}${f.type ? ` (${f.type})` : ''}: ${f.reason}`;
  return `ledger BROKEN at signed tree head of size ${f.headSize}: ${f.reason}`;
}

/**
 * Verifies every entry and head; when all is intact, signs a head over entries added since the
 * last one (never before verifying, so a tampered ledger is not signed over).
 * @example process.exit(await runVerifyLedger(rt.deps, io)) // prints "ledger OK: 12 entries, 3 signed heads"
 */
export async function runVerifyLedger(deps: ServiceDeps, io: CliIo): Promise<number> {
  let lastShown = 0;
  const result = await verifyLedger(deps, {
    onProgress: (done, total) => {
      if (done !== total && Date.now() - lastShown < 1000) return;
      lastShown = Date.now();
      io.err.write(`verifying evidence ledger: ${done}/${total} entries\n`);
    },
  });
  if (!result.ok) {
    io.out.write(`${describeLedgerFailure(result.failure)}\n`);
    return 1;
  }
  const sealed = await sealTreeHead(deps);
  const heads = result.heads + (sealed.created ? 1 : 0);
  if (sealed.created) io.err.write(`signed a new tree head over ${sealed.size} entries${sealed.tsaError ? ` (no time-stamp: ${sealed.tsaError})` : ''}\n`);
  const deleted = result.deletedOriginals ? `; ${result.deletedOriginals} 份原件已按保存期限删除 (originals deleted at the end of their retention period; their hashes stay in the ledger)` : '';
  io.out.write(`ledger OK: ${result.entries} entries, ${heads} signed heads${deleted}\n`);
  return 0;
}

export function registerEvidenceCommands(program: Command, ctx: CommandContext): void {
  const evidence = program.command('evidence').description('the evidence ledger (《电子签名法》第十三条)');
  evidence
    .command('verify [pack]')
    .description('without an argument: recompute the live ledger from the stored documents and rows and check every signed head; with <pack.zip>: check an exported evidence pack')
    .option('--key <public.pem>', 'for a pack: the public key to trust (default: this company\'s ledger key)')
    .action(async (pack: string | undefined, opts: { key?: string }) => {
      if (pack && opts.key) return ctx.setExitCode(await runVerifyEvidencePack(pack, ctx.io.out, { keyFile: opts.key }));
      if (pack) return ctx.withRuntime(async (rt) => ctx.setExitCode(await runVerifyEvidencePack(pack, ctx.io.out, { ownPublicKeyPem: rt.deps.ledgerKey.publicKeyPem })));
      return ctx.withRuntime(async (rt) => ctx.setExitCode(await runVerifyLedger(rt.deps, ctx.io)));
    });
  evidence
    .command('public-key')
    .description('print the Ed25519 public key (PEM) that signs the ledger tree heads')
    .action(() => ctx.withRuntime(async (rt) => void ctx.io.out.write(rt.deps.ledgerKey.publicKeyPem)));
  registerEvidencePackCommand(evidence, ctx);
}
