// The sandbox chat's "platform": messages become SandboxMessage rows that /sandbox shows.
// The row's unique dedupeKey plays the part of WeCom's task_id: a retry inserts nothing.
import type { Db } from '../../db/client.ts';
import { toJsonColumn } from '../../db/json-column.ts';
import { sandboxGroupUserId } from '../../domain/sandbox-group.ts';
import type { ChatPlatform } from '../chat-platform.ts';

export function createSandboxChatPlatform(db: Db): ChatPlatform {
  return {
    name: 'sandbox',
    async sendText(userIds, text, dedupeKey) {
      await db.sandboxMessage.createMany({
        data: userIds.map((userId) => ({ userId, direction: 'out', kind: 'text', body: { text }, dedupeKey: `${dedupeKey}:${userId}` })),
        skipDuplicates: true,
      });
    },
    async sendCard(userIds, card) {
      const body = toJsonColumn({ card });
      await db.sandboxMessage.createMany({
        data: userIds.map((userId) => ({ userId, direction: 'out', kind: 'card', body, cardKey: card.key, dedupeKey: `card:${card.key}:${userId}` })),
        skipDuplicates: true,
      });
      return {};
    },
    // Nothing to upload: the file is already in the file store, addressed by its hash.
    async uploadFile(file) {
      return file.sha256;
    },
    async sendFile(userIds, file, dedupeKey) {
      const body = { file: { sha256: file.sha256, fileName: file.fileName, mediaType: file.mediaType } };
      await db.sandboxMessage.createMany({
        data: userIds.map((userId) => ({ userId, direction: 'out', kind: 'file', body, dedupeKey: `${dedupeKey}:${userId}` })),
        skipDuplicates: true,
      });
    },
    // The sandbox has no conversations: the group is a pseudo-user 「群聊」. Its copy shows the
    // content and links only, as on the platforms (no buttons: nobody decides in a group).
    async sendToGroup(chatId, card, dedupeKey) {
      const linksOnly = { ...card, buttons: card.buttons.filter((b) => b.kind === 'link') };
      await db.sandboxMessage.createMany({
        data: [{ userId: sandboxGroupUserId(chatId), direction: 'out', kind: 'card', body: toJsonColumn({ card: linksOnly }), dedupeKey }],
        skipDuplicates: true,
      });
    },
    // Every copy of the card shows the decision, as on the real platforms.
    async updateCard(_userIds, card) {
      await db.sandboxMessage.updateMany({ where: { cardKey: card.key, direction: 'out' }, data: { body: toJsonColumn({ card }) } });
    },
  };
}
