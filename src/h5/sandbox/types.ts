// Wire shapes of /api/v1/sandbox (src/http/routes/sandbox-routes.ts). The card is the server's
// own CardModel (type-only import: nothing of the server lands in the bundle).
import type { CardModel } from '../../../cards/card-model.ts';
import type { DemoUser } from '../types.ts';

export type { CardButton, CardModel } from '../../../cards/card-model.ts';

export interface SandboxUser extends DemoUser {
  /** The sandbox platform user id messages are addressed to. */
  userId: string;
  employeeId: string;
  /** Messages the app has sent this person so far. */
  received: number;
}

export interface ChatMessage {
  id: string;
  direction: 'in' | 'out';
  kind: 'text' | 'card' | 'file';
  text?: string;
  /** File messages (e.g. a notice PDF): its name and the download link. */
  file?: { fileName: string; mediaType: string; url: string };
  card?: CardModel;
  cardKey: string | null;
  createdAt: string;
}

export interface ChatResponse {
  user: { userId: string; employeeId: string; name: string };
  messages: ChatMessage[];
}

export type SandboxOutcome = { status: 'handled'; reply?: string } | { status: 'duplicate' } | { status: 'failed'; message: string };

/** Which platform's look the chat imitates. */
export type ChatStyle = 'wecom' | 'dingtalk';
