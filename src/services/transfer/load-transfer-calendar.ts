// Transfer due days count working days of the legal calendar (statutory holidays and 调休): the
// 15 working days of 国办发〔2009〕66号 第八条 are the agencies', not the company's.
import type { Db, Tx } from '../../db/client.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { Logger } from '../../log.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';

export function loadTransferCalendar(db: Db | Tx, log?: Logger): Promise<WorkCalendar> {
  return loadWorkCalendar(db, { purpose: 'legal', log, missingYear: 'pension transfer due days may move' });
}
