// The sandbox chat's calls. Every post carries a fresh client id, so a double click or a
// retried request is delivered once (the server dedupes on it like on a platform's msgid).
import { api } from '../api.ts';
import type { SandboxChat, SandboxOutcome, SandboxUser } from '../../domain/views/sandbox.ts';
import { uuid } from './uuid.ts';

export async function fetchSandboxUsers(): Promise<SandboxUser[]> {
  return (await api<{ users: SandboxUser[] }>('GET', '/sandbox/users')).users;
}

export function fetchChat(userId: string): Promise<SandboxChat> {
  return api<SandboxChat>('GET', `/sandbox/messages?userId=${encodeURIComponent(userId)}`);
}

export function postText(userId: string, text: string): Promise<SandboxOutcome> {
  return api<SandboxOutcome>('POST', '/sandbox/messages', { userId, text, clientMessageId: uuid() });
}

export function postCardAction(userId: string, cardKey: string, actionId: string): Promise<SandboxOutcome> {
  return api<SandboxOutcome>('POST', '/sandbox/card-actions', { userId, cardKey, actionId, clientActionId: uuid() });
}
