// Instants from the server (ISO, UTC) shown as the Asia/Shanghai day and time, whatever zone the
// phone is set to: every date a person reads is the business day.
const dayTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** '2026-12-07 06:45' for '2026-12-06T22:45:00Z'. */
export function shanghaiDateTime(iso: string): string {
  return dayTime.format(new Date(iso)).replace(',', '');
}

/** '2026-12-07' for '2026-12-06T22:45:00Z'. */
export function shanghaiDay(iso: string): string {
  return shanghaiDateTime(iso).slice(0, 10);
}
