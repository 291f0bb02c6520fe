// The 申请编号 a person reads and quotes on the phone: 「例外-2026-0007」, the year the request
// was made (Asia/Shanghai) and its number from the row's sequence. UUIDs stay in URLs and the API.
import { dayIn } from '../dates.ts';

/** @example exceptionRequestNumber({ requestNo: 7, createdAt }, 'Asia/Shanghai') // '例外-2026-0007' */
export function exceptionRequestNumber(e: { requestNo: number; createdAt: Date }, timeZone: string): string {
  return `例外-${dayIn(timeZone, e.createdAt).slice(0, 4)}-${String(e.requestNo).padStart(4, '0')}`;
}
