// DingTalk Stream `attendance_check_record`: a punch in DingTalk 考勤, pushed as it happens.
// Nothing is answered to anyone: the record is stored (deduplicated against the sync).
import type { Listener } from '../bot/listener.ts';
import { ingestDingtalkCheckEvent } from '../services/attendance/ingest-dingtalk-check-event.ts';

export const dingtalkAttendanceListener: Listener = {
  route: 'event.attendance_check_record',
  async handle({ event, deps, log }) {
    if (event.kind !== 'event' || event.platform !== 'dingtalk') return;
    const r = await ingestDingtalkCheckEvent(deps, { data: event.data });
    if (r.malformed > 0 || r.unknownUsers > 0) log.warn({ ...r, deliveryId: event.deliveryId }, 'attendance_check_record: some items were not stored');
  },
};
