// Is a clock-in inside a work site's fence? Browsers and GPS report WGS-84; Chinese map apps and
// WeCom's getLocation (type gcj02) report GCJ-02, offset by up to ~500 m in cities. Everything is
// converted to WGS-84 on the server before measuring, so the client cannot pick a convenient datum.
import gcoordModule from 'gcoord';

// gcoord ships CommonJS with typings of an ES default export: under nodenext the default import is
// module.exports itself at run time, while the types put it under `.default`. Accept both.
type Gcoord = typeof gcoordModule.default;
const gcoord: Gcoord = (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord);

export type CoordSystem = 'wgs84' | 'gcj02';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface FenceSite extends LatLng {
  id: string;
  name: string;
  radiusM: number;
}

export interface FenceResult {
  /** The nearest site, or undefined when the company has none. */
  site?: FenceSite;
  distanceM?: number;
  inside: boolean;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** WGS-84 coordinates of a point given in `system` (gcoord takes [lng, lat]). */
export function toWgs84(point: LatLng, system: CoordSystem): LatLng {
  if (system === 'wgs84') return { lat: point.lat, lng: point.lng };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lat, lng };
}

/** GCJ-02 coordinates of a WGS-84 point (what Chinese map apps show). */
export function toGcj02(point: LatLng): LatLng {
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
}

/** Great-circle distance in metres (haversine; < 0.5 % error, plenty for a fence of 50 m and up). */
export function haversineM(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The nearest active site and whether the WGS-84 `point` is within its radius (the boundary counts as inside).
 * @example
 *   checkFence({ lat: 31.2304, lng: 121.4737 }, [{ id, name: '总部', lat: 31.2304, lng: 121.4737, radiusM: 300 }])
 *   // → { site, distanceM: 0, inside: true }
 */
export function checkFence(point: LatLng, sites: readonly FenceSite[]): FenceResult {
  let best: FenceResult = { inside: false };
  for (const site of sites) {
    const distanceM = Math.round(haversineM(point, site));
    const inside = distanceM <= site.radiusM;
    // Prefer a site the point is inside; among equals the nearer one.
    if (best.site === undefined || (inside && !best.inside) || (inside === best.inside && distanceM < (best.distanceM ?? Infinity))) {
      best = { site, distanceM, inside };
    }
  }
  return best;
}
