// The sandbox chat has people, not conversations: a group message is shown as the chat of a
// pseudo-user 「群聊」 whose sandbox user id is the group id with this prefix.
export const SANDBOX_GROUP_PREFIX = 'group:';

export const sandboxGroupUserId = (chatId: string) => `${SANDBOX_GROUP_PREFIX}${chatId}`;

export const isSandboxGroupUserId = (userId: string) => userId.startsWith(SANDBOX_GROUP_PREFIX);

/** What the sandbox shows as the pseudo-user's name. */
export const SANDBOX_GROUP_NAME = '群聊';
