import type { Platform } from '../generated/prisma/client.ts';
import { PlatformApiError } from './platform-api-error.ts';

/**
 * Runs a card renderer. A card that breaks a platform limit will break it on every retry, so
 * the error is permanent: the message goes straight to the dead letters with the reason.
 */
export function renderCard<T>(platform: Platform, api: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    throw new PlatformApiError({ platform, api, errcode: 'bad_card', errmsg: `卡片不符合平台限制：${(error as Error).message}`, retryable: false });
  }
}
