// `sentinel backup <dir>` and `sentinel restore <dir>`: the database (every table, the outbox
// queue, the ledger and its sealed signing key), the stored files the ledger hashes (from
// DATA_DIR/files or the S3 bucket of FILE_STORE_URL: a backup holds copies either way), and a
// manifest naming the ledger's state and the master key's fingerprint. The master key itself is
// never in a backup: it is the one thing to keep elsewhere.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Env } from '../config.ts';
import { openEmbeddedDatabase } from '../db/embedded.ts';
import { applyMigrations } from '../db/migrate.ts';
import { dumpDatabase, holdsNoBusinessData, restoreDatabase, type ToolEnv } from '../db/pg-tools.ts';
import type { Logger } from '../log.ts';
import { migrationsDir } from '../runtime.ts';
import { loadSecrets, MASTER_KEY_FILE, masterKeyFingerprint } from '../secrets.ts';
import { describeFileStore, openFileStore } from '../storage/open-file-store.ts';
import { backUpFiles, restoreFiles } from './backup-files.ts';
import { readLedgerState, type LedgerState } from './ledger-state.ts';
import type { CommandContext } from './setup-commands.ts';

const DUMP_FILE = 'database.dump';
const MANIFEST_FILE = 'manifest.json';

interface BackupManifest {
  format: 1;
  createdAt: string;
  files: number;
  ledger: LedgerState;
  masterKeyFingerprint: string;
}

/** The database named by DATABASE_URL, or the embedded one of DATA_DIR (started if need be). */
async function withDatabase<T>(config: Env, log: Logger, fn: (url: string) => Promise<T>): Promise<T> {
  const embedded = config.DATABASE_URL ? undefined : await openEmbeddedDatabase(config.DATA_DIR, (m) => log.info(m));
  try {
    return await fn(config.DATABASE_URL ?? (embedded as { url: string }).url);
  } finally {
    if (embedded?.owned) await embedded.stop();
  }
}

type BackupContext = Pick<CommandContext, 'config' | 'log' | 'io'> & { toolEnv: ToolEnv };

export async function runBackup(ctx: BackupContext, dir: string): Promise<number> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`备份目录 ${dir} 不是空的：请换一个新目录`);
  mkdirSync(dir, { recursive: true });
  const fingerprint = masterKeyFingerprint(loadSecrets(ctx.config).masterKey);
  const ledger = await withDatabase(ctx.config, ctx.log, async (url) => {
    await dumpDatabase(url, join(dir, DUMP_FILE), ctx.toolEnv);
    return readLedgerState(url);
  });
  const files = await backUpFiles(openFileStore(ctx.config), dir);
  const manifest: BackupManifest = { format: 1, createdAt: new Date().toISOString(), files, ledger, masterKeyFingerprint: fingerprint };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  ctx.io.out.write(
    [
      `备份完成：${dir}`,
      `  数据库（含证据台账 ${ledger.entries} 条、签名树头 ${ledger.heads} 个、加密保存的台账签名密钥）、已存储文件 ${files} 个（复制自 ${describeFileStore(ctx.config)}）`,
      `主密钥不在备份中，请另行妥善保管（指纹 ${fingerprint}；用 sentinel keys show --reveal-master-key 显示）。`,
      '没有主密钥，备份中的身份证号、手机号和台账签名密钥都无法解密，恢复也会被拒绝。',
      '',
    ].join('\n'),
  );
  return 0;
}

export async function runRestore(ctx: BackupContext, dir: string): Promise<number> {
  const manifestFile = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile) || !existsSync(join(dir, DUMP_FILE))) throw new Error(`${dir} 不是 sentinel backup 生成的备份目录（缺少 ${MANIFEST_FILE} 或 ${DUMP_FILE}）`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  // Checked before loadSecrets, which would otherwise generate a new, useless key here.
  if (!ctx.config.SENTINEL_MASTER_KEY && !existsSync(join(ctx.config.DATA_DIR, MASTER_KEY_FILE))) {
    throw new Error(`请先提供备份时的主密钥（指纹 ${manifest.masterKeyFingerprint}）：设置 SENTINEL_MASTER_KEY，或把 ${MASTER_KEY_FILE} 放进 ${ctx.config.DATA_DIR}`);
  }
  const fingerprint = masterKeyFingerprint(loadSecrets(ctx.config).masterKey);
  if (fingerprint !== manifest.masterKeyFingerprint) {
    throw new Error(`当前主密钥（指纹 ${fingerprint}）不是备份时的主密钥（指纹 ${manifest.masterKeyFingerprint}）：请设置正确的 SENTINEL_MASTER_KEY 后重试`);
  }
  const ledger = await withDatabase(ctx.config, ctx.log, async (url) => {
    if (!(await holdsNoBusinessData(url))) throw new Error('目标数据库已有员工或证据数据，恢复会覆盖它们：请恢复到新的数据库（新的 DATA_DIR 或 DATABASE_URL）');
    await restoreDatabase(url, join(dir, DUMP_FILE), ctx.toolEnv);
    await applyMigrations(url, migrationsDir);
    return readLedgerState(url);
  });
  const files = existsSync(join(dir, 'files')) ? await restoreFiles(openFileStore(ctx.config), dir) : 0;
  ctx.io.out.write(`已从 ${dir} 恢复：证据台账 ${ledger.entries} 条、签名树头 ${ledger.heads} 个、已存储文件 ${files} 个（写入 ${describeFileStore(ctx.config)}）。\n下一步：运行 sentinel evidence verify 核验证据台账。\n`);
  return 0;
}

/** `toolEnv`: the CLI's process environment, for pg_dump / pg_restore. */
export function registerBackupCommands(program: Command, ctx: CommandContext, toolEnv: ToolEnv): void {
  program
    .command('backup <dir>')
    .description('write the database, the stored files (local or S3) and the ledger state to a new directory (the master key is kept elsewhere)')
    .action(async (dir: string) => ctx.setExitCode(await runBackup({ ...ctx, toolEnv }, dir)));
  program
    .command('restore <dir>')
    .description('restore a backup into an empty database and the configured file store (needs the same master key)')
    .action(async (dir: string) => ctx.setExitCode(await runRestore({ ...ctx, toolEnv }, dir)));
}
