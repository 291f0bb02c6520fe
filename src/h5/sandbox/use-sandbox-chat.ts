// One user's chat, kept fresh by polling: cards are updated in place by the server (a decision
// rewrites the stored card), so each poll re-reads the whole window rather than only new rows.
import { onUnmounted, ref, watch, type Ref } from 'vue';
import { ApiError } from '../api.ts';
import { fetchChat } from './sandbox-api.ts';
import type { SandboxChatMessage } from '../../domain/views/sandbox.ts';

export const POLL_MS = 1500;

export function useSandboxChat(userId: Ref<string>) {
  const messages = ref<SandboxChatMessage[]>([]);
  const loading = ref(true);
  const error = ref<string | null>(null);
  let lastJson = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let stopped = false;

  async function refresh(): Promise<void> {
    const mine = generation;
    try {
      const chat = await fetchChat(userId.value);
      if (mine !== generation) return; // the tester switched users meanwhile
      const json = JSON.stringify(chat.messages);
      // Unchanged polls keep the same array, so the view neither re-renders nor re-scrolls.
      if (json !== lastJson) {
        lastJson = json;
        messages.value = chat.messages;
      }
      error.value = null;
    } catch (e) {
      if (mine !== generation) return;
      error.value = e instanceof ApiError ? e.message : '加载失败';
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(async () => {
      await refresh();
      schedule();
    }, POLL_MS);
  }

  function start(): void {
    generation++;
    lastJson = '';
    messages.value = [];
    loading.value = true;
    error.value = null;
    void refresh().then(schedule);
  }

  watch(userId, start, { immediate: true });
  onUnmounted(() => {
    stopped = true;
    generation++;
    clearTimeout(timer);
  });
  return { messages, loading, error, refresh };
}
