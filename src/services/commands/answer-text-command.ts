// Bot commands in a 1:1 chat. "待办" lists the cards waiting for the person; anything else gets
// the help text, so nobody is left without an answer.
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';

const HELP = [
  '社保哨兵可以：',
  '· 发送「待办」：查看等你处理的卡片',
  '· 发送「帮助」：查看本说明',
  '到岗确认、增员提醒等会以卡片推送给你，点卡片上的按钮即可处理。',
].join('\n');

export async function answerTextCommand(
  deps: ServiceDeps,
  opts: { platform: Platform; platformUserId: string; text: string; actor: Actor | undefined },
): Promise<{ text: string }> {
  if (!opts.actor) return { text: '你的账号尚未关联员工档案，请联系人事在名册中填写你的账号。' };
  if (opts.text.trim() !== '待办') return { text: HELP };
  const open = await deps.db.$queryRaw<{ title: string }[]>`
    SELECT model->>'title' AS title FROM "CardInstance"
     WHERE platform = ${opts.platform}::"Platform" AND state = 'OPEN'
       AND recipients @> ${JSON.stringify([{ userId: opts.platformUserId }])}::jsonb
     ORDER BY "createdAt" LIMIT 20`;
  if (open.length === 0) return { text: `${opts.actor.name}，你目前没有待处理的卡片。` };
  return { text: [`${opts.actor.name}，你有 ${open.length} 张待处理的卡片：`, ...open.map((c, i) => `${i + 1}. ${c.title}`)].join('\n') };
}
