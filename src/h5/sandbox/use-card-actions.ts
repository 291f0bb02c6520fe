// Clicking a card button. The click is answered at once, but the card itself changes only
// when its update has travelled through the outbox, so the buttons stay disabled (with a
// spinner on the clicked one) until the card shows its decision, a reply arrives instead,
// or a few seconds pass.
import { showFailToast } from 'vant';
import { ref, watch, type Ref } from 'vue';
import { postCardAction } from './sandbox-api.ts';
import type { SandboxChatMessage } from '../../domain/views/sandbox.ts';

const WAIT_FOR_UPDATE_MS = 10_000;

export function useCardActions(userId: Ref<string>, messages: Ref<SandboxChatMessage[]>, refresh: () => Promise<void>) {
  const pending = ref<{ cardKey: string; actionId: string } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function clear(): void {
    clearTimeout(timer);
    pending.value = null;
  }

  async function click(cardKey: string, actionId: string): Promise<void> {
    if (pending.value) return;
    pending.value = { cardKey, actionId };
    try {
      const outcome = await postCardAction(userId.value, cardKey, actionId);
      if (outcome.status === 'failed') showFailToast(outcome.message);
      if (outcome.status !== 'handled' || outcome.reply) return clear();
    } catch (e) {
      showFailToast(e instanceof Error ? e.message : '操作失败');
      return clear();
    }
    timer = setTimeout(clear, WAIT_FOR_UPDATE_MS);
    await refresh();
  }

  watch(messages, (list) => {
    const p = pending.value;
    if (p && list.some((m) => m.cardKey === p.cardKey && m.card?.decided)) clear();
  });
  watch(userId, clear);

  const pendingFor = (cardKey: string | null) => (cardKey && pending.value?.cardKey === cardKey ? pending.value.actionId : null);
  return { pendingFor, click };
}
