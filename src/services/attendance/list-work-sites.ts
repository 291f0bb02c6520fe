// The work sites, for the clock-in page (where may I clock in?) and for HR's settings.
import type { ServiceDeps } from '../deps.ts';

export interface WorkSiteView {
  id: string;
  name: string;
  address: string | null;
  /** WGS-84 */
  lat: number;
  lng: number;
  coordSystem: string;
  radiusM: number;
  active: boolean;
}

/** @example await listWorkSites(deps) // → [{ name: '上海总部', radiusM: 300, … }] */
export async function listWorkSites(deps: ServiceDeps): Promise<WorkSiteView[]> {
  return deps.db.workSite.findMany({
    select: { id: true, name: true, address: true, lat: true, lng: true, coordSystem: true, radiusM: true, active: true },
    orderBy: { name: 'asc' },
  });
}
