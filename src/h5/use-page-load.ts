// The load-on-open pattern every signed-in page shares: LoadState's loading/error refs, a
// signed-out visitor (401) sent to the login page with a way back, any other failure shown as
// its message with a retry. Pages keep their own data refs; `fetch` fills them.
import { onMounted, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { ApiError } from './api.ts';
import { LOGIN_PAGE } from './session-guard.ts';

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

  async function load() {
    loading.value = true;
    error.value = null;
    try {
      await fetch();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        await router.replace({ name: LOGIN_PAGE, query: { redirect: route.fullPath } });
        return;
      }
      error.value = e instanceof Error ? e.message : '加载失败，请重试';
    } finally {
      loading.value = false;
    }
  }

  onMounted(load);
  return { loading, error, load };
}
