import type { ParameterizedContext } from 'koa';
import type { Actor } from '../domain/actor.ts';
import type { Logger } from '../log.ts';

export interface AppState {
  requestId: string;
  log: Logger;
  actor?: Actor;
  /** The raw X-Forwarded-For, recorded beside the client address (client-address.ts). */
  forwardedFor?: string;
}

export type AppContext = ParameterizedContext<AppState>;
