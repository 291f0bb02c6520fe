// The provincial codes (first two digits) of GB/T 2260 that appear on resident identity cards.
// Checked at province level only, on purpose: county codes are renumbered when counties merge,
// and a card keeps the code of the place that issued it, so a current county list (the npm
// packages of GB/T 2260 ship only current codes) would reject valid older cards. The province
// list has been stable since 重庆 (50) was created in 1997. 71 (台湾), 81 (香港) and 82 (澳门)
// exist in GB/T 2260 but are not issued on mainland resident cards; their residents hold
// 港澳台居民居住证 (810000 / 820000 / 830000), checked in id-number.ts.
const MAINLAND_PROVINCES = new Set([
  '11', '12', '13', '14', '15', // 北京 天津 河北 山西 内蒙古
  '21', '22', '23', // 辽宁 吉林 黑龙江
  '31', '32', '33', '34', '35', '36', '37', // 上海 江苏 浙江 安徽 福建 江西 山东
  '41', '42', '43', '44', '45', '46', // 河南 湖北 湖南 广东 广西 海南
  '50', '51', '52', '53', '54', // 重庆 四川 贵州 云南 西藏
  '61', '62', '63', '64', '65', // 陕西 甘肃 青海 宁夏 新疆
]);

export function isMainlandProvinceCode(code: string): boolean {
  return MAINLAND_PROVINCES.has(code);
}
