// appchat/send (doc 90248): the app posts to a group chat it created with appchat/create. The
// call takes no task_id and documents no duplicate check (that is message/send's
// enable_duplicate_check), so a retry is kept from posting twice by the outbox's send journal:
// the one call is noted before it goes and after WeCom answers (outbox/send-journal.ts).
import type { WecomGroupMessage } from '../../../cards/render-group.ts';
import type { SendJournal } from '../chat-platform.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import type { WecomApi } from './wecom-api.ts';

/** The whole message is one call: batch 0 of the journal. */
const ONLY_BATCH = 0;

/** @example await sendWecomAppchatMessage(api, 'wrkSFfCgAAxxxx', { msgtype: 'markdown', markdown: { content: '**增员到期预警**' } }, journal) */
export async function sendWecomAppchatMessage(api: WecomApi, chatId: string, message: WecomGroupMessage, journal?: SendJournal): Promise<void> {
  if ((await journal?.sentBatches())?.[ONLY_BATCH] !== undefined) return;
  await journal?.begin(ONLY_BATCH);
  await api.call({ api: 'appchat/send', method: 'POST', path: '/cgi-bin/appchat/send', data: { chatid: chatId, ...message, safe: 0 } }).catch(async (error: unknown) => {
    // An answered error posted nothing: it may go again. A timeout stays begun (outcome unknown).
    if (!(error instanceof PlatformApiError && error.maybeSent)) await journal?.abandon(ONLY_BATCH);
    throw error;
  });
  await journal?.sent(ONLY_BATCH, '', { invalid: [], flowControlled: [] });
}
