import type { ParameterizedContext } from 'koa';
import type { Actor } from '../domain/actor.ts';
import type { Logger } from '../log.ts';

export interface AppState {
  requestId: string;
  log: Logger;
  actor?: Actor;
}

export type AppContext = ParameterizedContext<AppState>;
