// usePageLoad tells the page's LoadState whether 重试 can help (not after a 403 or 404).
import type { InjectionKey, Ref } from 'vue';

export const RETRYABLE_KEY: InjectionKey<Ref<boolean>> = Symbol('retryable');
