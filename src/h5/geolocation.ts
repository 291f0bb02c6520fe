// Where the phone is. Inside DingTalk the client's own locator (device.geolocation.get, GCJ-02,
// better indoors) is tried first; everywhere else, and as its fallback, the browser's Geolocation
// API (WGS-84), which the WeCom webview also provides. The server converts GCJ-02 to WGS-84.
// Each failure becomes a message the employee can act on.

export interface Position {
  lat: number;
  lng: number;
  accuracy: number;
  coordSystem: 'wgs84' | 'gcj02';
}

export class LocationError extends Error {
  override name = 'LocationError';
}

export const locationMessages = {
  denied: '无法获取位置：请在系统设置中允许企业微信/钉钉使用定位',
  timeout: '定位超时：请到开阔处或打开 GPS 后重试',
  unavailable: '无法获取位置：请确认手机的定位服务已打开',
  unsupported: '当前环境不支持定位，请在企业微信或钉钉工作台中打开',
} as const;

/** @example const p = await locate(); // → { lat: 31.23, lng: 121.47, accuracy: 20, coordSystem: 'wgs84' } */
export async function locate(timeoutMs = 15_000, userAgent = navigator.userAgent): Promise<Position> {
  if (/DingTalk/i.test(userAgent)) {
    const fromDingtalk = await locateInDingtalk().catch(() => undefined);
    if (fromDingtalk) return fromDingtalk;
  }
  return locateInBrowser(timeoutMs);
}

async function locateInDingtalk(): Promise<Position | undefined> {
  const { default: get } = await import('dingtalk-jsapi/api/device/geolocation/get');
  // coordinate 1 = 高德 (GCJ-02); useCache false: a clock-in must be where the phone is now.
  const r = await get({ targetAccuracy: 200, coordinate: 1, withReGeocode: false, useCache: false });
  if (!Number.isFinite(r.latitude) || !Number.isFinite(r.longitude)) return undefined;
  return { lat: r.latitude, lng: r.longitude, accuracy: r.accuracy, coordSystem: 'gcj02' };
}

function locateInBrowser(timeoutMs: number): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new LocationError(locationMessages.unsupported));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy, coordSystem: 'wgs84' }),
      (e) => {
        const key = e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable';
        reject(new LocationError(locationMessages[key]));
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    );
  });
}
