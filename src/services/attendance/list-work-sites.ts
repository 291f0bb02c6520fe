// The work sites, for the clock-in page (where may I clock in?) and for HR's settings.
import type { WorkSiteView } from '../../domain/views/attendance.ts';
import type { ServiceDeps } from '../deps.ts';

/** @example await listWorkSites(deps) // → [{ name: '上海总部', radiusM: 300, … }] */
export async function listWorkSites(deps: ServiceDeps): Promise<WorkSiteView[]> {
  return deps.db.workSite.findMany({
    select: { id: true, name: true, address: true, lat: true, lng: true, coordSystem: true, radiusM: true, active: true },
    orderBy: { name: 'asc' },
  });
}
