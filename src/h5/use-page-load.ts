// The load-on-open pattern every signed-in page shares: LoadState's loading/error refs, a
// signed-out visitor (401) sent to the login page with a way back, any other failure shown as
// its message with a retry (or 返回 when retrying cannot help). Pages keep their own data refs; `fetch` fills them.
import { onMounted, provide, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { ApiError } from './api.ts';
import { LOGIN_PAGE } from './session-guard.ts';
import { RETRYABLE_KEY } from './load-state-key.ts';

/** A refusal (403) or a missing record (404) stays so however often one retries: offer 返回 instead. */
const cannotRetry = (e: unknown) => e instanceof ApiError && (e.status === 403 || e.status === 404);

/**
 * Loads the page on mount; `load` is also what LoadState's 重试 and later refreshes call.
 * @example
 * const { loading, error, load } = usePageLoad(async () => {
 *   items.value = (await api<{ items: Item[] }>('GET', '/items')).items;
 * });
 */
export function usePageLoad(fetch: () => Promise<void>) {
  const route = useRoute();
  const router = useRouter();
  const loading = ref(true);
  const error = ref<string | null>(null);
  const retryable = ref(true);
  provide(RETRYABLE_KEY, retryable);

  async function load() {
    loading.value = true;
    error.value = null;
    retryable.value = true;
    try {
      await fetch();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        await router.replace({ name: LOGIN_PAGE, query: { redirect: route.fullPath } });
        return;
      }
      retryable.value = !cannotRetry(e);
      error.value = e instanceof Error ? e.message : '加载失败，请重试';
    } finally {
      loading.value = false;
    }
  }

  onMounted(load);
  return { loading, error, load };
}
