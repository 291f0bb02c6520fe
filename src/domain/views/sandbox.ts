// /api/v1/sandbox (src/http/routes/sandbox-routes.ts): the people the sandbox chat can be, their
// chat, and what a typed message or a click led to. Built by src/services/sandbox and the sandbox
// receiver, shown by src/h5/sandbox. The card is the server's own CardModel. Types only.
import type { CardModel } from '../../../cards/card-model.ts';
import type { DemoUser } from './session.ts';

export interface SandboxUser extends DemoUser {
  /** The sandbox platform user id messages are addressed to. */
  userId: string;
  employeeId: string;
  /** Messages the app has sent this person so far. */
  received: number;
}

export interface SandboxChatMessage {
  id: string;
  direction: 'in' | 'out';
  kind: 'text' | 'card' | 'file';
  text?: string;
  /** File messages (e.g. a notice PDF): its name and where the sandbox chat downloads it. */
  file?: { fileName: string; mediaType: string; url: string };
  /** The card as last rendered: the sandbox platform rewrites it in place when the card is updated. */
  card?: CardModel;
  cardKey: string | null;
  createdAt: string;
}

export interface SandboxChat {
  user: { userId: string; employeeId: string; name: string };
  messages: SandboxChatMessage[];
}

export type SandboxOutcome =
  | { status: 'handled'; reply?: string }
  /** The same clientMessageId / clientActionId was seen before: nothing ran again. */
  | { status: 'duplicate' }
  | { status: 'failed'; message: string };
