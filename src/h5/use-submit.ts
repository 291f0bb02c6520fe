// The submit pattern of the H5 forms and buttons: a busy flag for the button's spinner, and the
// failure shown as its message (or `fallback`) next to the button, cleared on the next try.
import { ref } from 'vue';

/**
 * @example
 * const { busy: saving, error: saveError, run } = useSubmit('保存失败，请重试');
 * const save = () => run(async () => { view.value = await api('PATCH', path, body); });
 */
export function useSubmit(fallback: string) {
  const busy = ref(false);
  const error = ref<string | null>(null);

  /** Runs `fn` with the busy flag set; resolves true when it succeeded. */
  async function run(fn: () => Promise<void>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      await fn();
      return true;
    } catch (e) {
      error.value = e instanceof Error ? e.message : fallback;
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
