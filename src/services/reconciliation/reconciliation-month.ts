// Which month a run reconciles. The job ticks on the 5th; by then the export of the month before
// is usually imported, the current one not. So a run reconciles the latest month that has
// contribution records, up to the month of asOf: reconciling a month nobody imported yet would
// report every employee as not insured.
import type { Db } from '../../db/client.ts';

export interface MonthBounds {
  /** 'YYYY-MM' */
  month: string;
  previous: string;
  /** 'YYYY-MM-DD' of the first day, and of the first day of the next month. */
  start: string;
  nextStart: string;
}

export function monthBounds(month: string): MonthBounds {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const ym = (year: number, mon: number) => {
    const d = new Date(Date.UTC(year, mon - 1, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return { month, previous: ym(y, m - 1), start: `${month}-01`, nextStart: `${ym(y, m + 1)}-01` };
}

/** The latest 'YYYY-MM' with records on or before asOf's month, or null when nothing was imported. */
export async function chooseReconciliationMonth(db: Db, asOf: string): Promise<string | null> {
  const latest = await db.contributionRecord.findFirst({
    where: { month: { lte: asOf.slice(0, 7) } },
    orderBy: { month: 'desc' },
    select: { month: true },
  });
  return latest?.month ?? null;
}
