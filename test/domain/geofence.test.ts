import { describe, expect, it } from 'vitest';
import { checkFence, haversineM, toGcj02, toWgs84 } from '../../src/domain/attendance/geofence.ts';

const site = { id: 's1', name: '上海总部', lat: 31.2304, lng: 121.4737, radiusM: 200 };

describe('geofence', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversineM({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -1);
    expect(haversineM(site, site)).toBe(0);
  });

  it('counts a point exactly on the radius as inside and one metre further as outside', () => {
    // 0.0018 degrees of latitude ≈ 200.15 m
    const edge = { lat: site.lat + 200 / 111_195, lng: site.lng };
    expect(checkFence(edge, [site])).toMatchObject({ inside: true, distanceM: 200 });
    const beyond = { lat: site.lat + 201.6 / 111_195, lng: site.lng };
    expect(checkFence(beyond, [site])).toMatchObject({ inside: false, distanceM: 202 });
  });

  it('converts a GCJ-02 position to WGS-84 before measuring (the raw offset is hundreds of metres)', () => {
    const gcj = toGcj02(site);
    expect(haversineM(gcj, site)).toBeGreaterThan(300);
    const wgs = toWgs84(gcj, 'gcj02');
    expect(haversineM(wgs, site)).toBeLessThan(2);
    expect(checkFence(wgs, [site]).inside).toBe(true);
    expect(toWgs84(site, 'wgs84')).toEqual({ lat: site.lat, lng: site.lng });
  });

  it('picks the site the point is inside over a nearer site whose fence it misses', () => {
    const small = { id: 's2', name: '小仓库', lat: 31.2314, lng: 121.4737, radiusM: 10 };
    const big = { ...site, id: 's3', radiusM: 1000 };
    const point = { lat: 31.2312, lng: 121.4737 };
    expect(checkFence(point, [small, big]).site?.id).toBe('s3');
    expect(checkFence(point, [])).toEqual({ inside: false });
  });
});
