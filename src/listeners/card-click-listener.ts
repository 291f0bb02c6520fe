// A card button's listener: thin on purpose. The ids come from the normalized event; the service
// reloads the card and checks the clicker.
import type { Listener } from '../bot/listener.ts';
import type { CardClick } from '../services/card-click.ts';
import type { ServiceDeps } from '../services/deps.ts';


export function cardClickListener(actionId: string, decide: (deps: ServiceDeps, click: CardClick) => Promise<{ text: string }>): Listener {
  return {
    route: 'card.action',
    actionId,
    async handle({ event, actor, deps, log }) {
      if (event.kind !== 'card.action') return;
      return decide(deps, {
        cardKey: event.cardKey,
        actionId: event.actionId,
        actor,
        platform: event.platform,
        platformUserId: event.operatorUserId,
        responseCode: event.responseCode,
        log,
      });
    },
  };
}
