import type { Command } from 'commander';
import { masterKeyFingerprint } from '../secrets.ts';
import type { CommandContext } from './setup-commands.ts';

export function registerKeysCommands(program: Command, ctx: CommandContext): void {
  program
    .command('keys')
    .description('secrets')
    .command('show')
    .description('show the admin token and where the master key lives (the key itself only with --reveal-master-key)')
    .option('--reveal-master-key', 'also print the master key (for an offline backup)')
    .action((opts: { revealMasterKey?: boolean }) =>
      ctx.withRuntime(async (rt) => {
        const secrets = rt.secrets;
        const ledger = rt.deps.ledgerKey;
        const lines = [
          `ADMIN_TOKEN          ${secrets.adminToken}   (from ${secrets.sources.adminToken})`,
          `SENTINEL_MASTER_KEY  fingerprint ${masterKeyFingerprint(secrets.masterKey)}   (from ${secrets.sources.masterKey})`,
          ...(opts.revealMasterKey ? [`                     ${secrets.masterKey.toString('base64')}`] : []),
          'Back up the master key: without it, encrypted ID numbers and mobiles cannot be read.',
          '',
          `Evidence ledger key (Ed25519, signs tree heads; from ${rt.ledgerKeySource === 'env' ? 'SENTINEL_LEDGER_KEY' : 'the database, sealed with the master key'}), keyId ${ledger.keyId}`,
          'Public key (give it to anyone who must check evidence; also GET /api/v1/evidence/public-key):',
          ledger.publicKeyPem.trimEnd(),
        ];
        ctx.io.out.write(`${lines.join('\n')}\n`);
      }),
    );
}
