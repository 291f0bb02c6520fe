import type { Actor } from '../domain/actor.ts';
import type { Platform } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';

/** What every card-decision service receives from a click. */
export interface CardClick {
  cardKey: string;
  actionId: string;
  /** The employee behind the platform user, if known. */
  actor: Actor | undefined;
  platform: Platform;
  platformUserId: string;
  /** WeCom: the click's single-use response_code, kept for the card update. */
  responseCode?: string;
  /** The delivery's logger, for work that must not fail the click (e.g. sealing the evidence ledger). */
  log?: Logger;
}
