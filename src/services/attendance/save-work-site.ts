// Creates or edits a work site (the geofence of the H5 clock-in). HR often copies the centre from
// a Chinese map app (GCJ-02): it is converted and stored as WGS-84, with the system it came in.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { toWgs84, type CoordSystem } from '../../domain/attendance/geofence.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { Prisma, WorkSite } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';

export interface WorkSiteInput {
  name: string;
  address?: string | null;
  lat: number;
  lng: number;
  coordSystem: CoordSystem;
  radiusM: number;
  active?: boolean;
}

/**
 * @example
 *   await saveWorkSite(deps, { actor, input: { name: '上海总部', lat: 31.2304, lng: 121.4737, coordSystem: 'gcj02', radiusM: 300 } })
 *   await saveWorkSite(deps, { actor, id, input: { ...site, radiusM: 500 } })
 */
export async function saveWorkSite(deps: ServiceDeps, opts: { actor: Actor; id?: string; input: WorkSiteInput }): Promise<WorkSite> {
  authorize(opts.actor, 'worksite.manage');
  const { input } = opts;
  const centre = toWgs84({ lat: input.lat, lng: input.lng }, input.coordSystem);
  const data = { name: input.name, address: input.address ?? null, lat: centre.lat, lng: centre.lng, coordSystem: input.coordSystem, radiusM: input.radiusM, active: input.active ?? true };
  try {
    return await deps.db.$transaction(async (tx) => {
      const site = opts.id ? await updateSite(tx, opts.id, data) : await tx.workSite.create({ data });
      await writeAuditEvent(tx, opts.actor, {
        type: 'worksite.saved',
        data: { siteId: site.id, name: site.name, radiusM: site.radiusM, coordSystem: input.coordSystem, created: !opts.id },
      }, { type: 'company', id: site.id });
      return site;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new AppError('conflict', `已有同名的打卡地点「${input.name}」`);
    throw error;
  }
}

/** An edit goes through compareAndSet like every change; a site that is gone is refused, never recreated. */
async function updateSite(tx: Tx, id: string, data: Prisma.WorkSiteUpdateManyMutationInput): Promise<WorkSite> {
  if (!(await compareAndSet(tx.workSite, { id }, data))) throw new AppError('not_found', '找不到该打卡地点，请刷新列表后重试');
  return tx.workSite.findUniqueOrThrow({ where: { id } });
}
