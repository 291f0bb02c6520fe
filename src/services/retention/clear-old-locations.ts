// Clock-in positions are whereabouts (个人信息保护法 第二十八条) kept only for the geofence check:
// past `locationDays` the ciphertext is cleared; the clock-in itself (time, inside the fence or not)
// stays with the attendance record. Bounded batches; a second run finds nothing.
import type { ServiceDeps } from '../deps.ts';

const BATCH = 1000;

/** @example await clearOldLocations(deps, { before: new Date('2026-09-01T00:00:00+08:00') }) // → 12 */
export async function clearOldLocations(deps: Pick<ServiceDeps, 'db'>, o: { before: Date; maxBatches?: number }): Promise<number> {
  let cleared = 0;
  for (let i = 0; i < (o.maxBatches ?? 100); i++) {
    const n = await deps.db.$executeRaw`
      UPDATE "AttendanceRecord" SET "locationEnc" = NULL
      WHERE "id" IN (SELECT "id" FROM "AttendanceRecord" WHERE "locationEnc" IS NOT NULL AND "at" < ${o.before} LIMIT ${BATCH})`;
    cleared += n;
    if (n < BATCH) break;
  }
  return cleared;
}
