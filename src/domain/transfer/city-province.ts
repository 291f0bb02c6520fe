// Which province a city (参保城市, as HR types it: 上海, 深圳市, 延边) or a province (户籍省份: 湖南,
// 湖南省, 广西壮族自治区) lies in, from the GB/T 2260 division list of china-area-data. A name that
// matches cities of two provinces, or nothing, gives undefined: the caller then says it cannot tell.
import areas from 'china-area-data/data.json' with { type: 'json' };

export interface Province {
  /** Two-digit GB/T 2260 code, e.g. '43'. */
  code: string;
  /** Full name, e.g. '湖南省'. */
  name: string;
}

const table = areas as Record<string, Record<string, string>>;
const provinces = Object.entries(table['86'] ?? {}).map(([code, name]) => ({ code: code.slice(0, 2), name }));
const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
/** Every province and prefecture-level name with the province it belongs to. */
const places: { name: string; province: Province }[] = provinces.flatMap((p) => [
  { name: p.name, province: p },
  ...Object.values(table[`${p.code}0000`] ?? {}).filter((n) => n !== '市辖区' && n !== '县' && n !== '省直辖县级行政区划' && n !== '自治区直辖县级行政区划').map((name) => ({ name, province: p })),
]);

const clean = (s: string) => s.replace(/\s/g, '');

/**
 * @example provinceOf('深圳') // { code: '44', name: '广东省' }
 * @example provinceOf('湖南') // { code: '43', name: '湖南省' }
 */
export function provinceOf(place: string | null | undefined): Province | undefined {
  const wanted = clean(place ?? '');
  if (wanted.length < 2) return undefined;
  const exact = places.filter((p) => p.name === wanted);
  const found = exact.length > 0 ? exact : places.filter((p) => p.name.startsWith(wanted));
  const codes = new Set(found.map((p) => p.province.code));
  return codes.size === 1 ? found[0]?.province : undefined;
}

/** The province of a resident ID number's first two digits (the place that issued it). */
export function provinceOfCode(code: string): Province | undefined {
  return provinceByCode.get(code);
}

/** Two places name the same city: '上海' and '上海市' do, '苏州' and '无锡' do not. */
export function sameCity(a: string, b: string): boolean {
  const strip = (s: string) => clean(s).replace(/市$/, '');
  return strip(a) === strip(b);
}
