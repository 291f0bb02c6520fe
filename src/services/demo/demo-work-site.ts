// The demo company's one clock-in site: the Shanghai head office, a 300 m fence (WGS-84 centre).
export const DEMO_WORK_SITE = {
  name: '上海总部',
  address: '上海市黄浦区人民大道 200 号',
  lat: 31.2304,
  lng: 121.4737,
  coordSystem: 'wgs84',
  radiusM: 300,
} as const;
