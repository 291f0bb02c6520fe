import { systemActor } from '../../domain/actor.ts';
import type { PlatformDirectory } from '../../platforms/directory.ts';
import { syncDirectory, type DirectorySyncResult } from '../../services/directory/sync-directory.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Binds WeCom / DingTalk accounts to employees (by 工号 or mobile); never creates employees. */
export const directorySync: JobDefinition = {
  name: 'directory-sync',
  description: '同步企业微信 / 钉钉通讯录：按工号或手机号关联员工账号',
  cron: '0 6 * * *',
  async run({ deps }) {
    const sources: ['wecom' | 'dingtalk', { getDirectory(): Promise<PlatformDirectory> } | undefined][] = [
      ['wecom', deps.platformClients.wecom],
      ['dingtalk', deps.platformClients.dingtalk],
    ];
    const parts: string[] = [];
    for (const [platform, client] of sources) {
      if (!client) continue;
      const { users } = await client.getDirectory();
      const actor = systemActor('job:directory-sync', '通讯录同步');
      parts.push(`${platform}: ${describe(await syncDirectory(deps, { actor, platform, users: users.filter((u) => u.active) }))}`);
    }
    return parts.length > 0 ? parts.join('; ') : 'no chat platform configured: nothing to sync (sandbox identities come from the roster)';
  },
};

function describe(r: DirectorySyncResult): string {
  const names = r.unmatched.slice(0, 5).map((u) => `${u.name}(${u.userId})`);
  if (r.unmatched.length > 5) names.push('…');
  const unmatched = names.length > 0 ? ` [${names.join(', ')}]` : '';
  return `linked ${r.linked}, already linked ${r.alreadyLinked}, unmatched ${r.unmatched.length}${unmatched}, conflicts ${r.conflicts.length}`;
}
