// The smallest plausible value of a JSON Schema (as in /api/v1/openapi.json): enough for a request
// to pass the shape check, so a test reaches the permission check behind it.
type Schema = {
  type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[];
  allOf?: Schema[]; enum?: unknown[]; const?: unknown; default?: unknown; format?: string; minLength?: number; minimum?: number;
  minItems?: number; pattern?: string;
};

export function sampleFromSchema(s: Schema | undefined, uuid: string): unknown {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sampleFromSchema(alt.find((a) => a.type !== 'null') ?? alt[0], uuid);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => sampleFromSchema(a, uuid)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) out[key] = sampleFromSchema(s.properties?.[key], uuid);
    return out;
  }
  if (type === 'array') return Array.from({ length: s.minItems ?? 0 }, () => sampleFromSchema(s.items, uuid));
  if (type === 'integer' || type === 'number') return Math.max(s.minimum ?? 1, 1);
  if (type === 'boolean') return true;
  if (type === 'string') return sampleString(s, uuid);
  return undefined;
}

function sampleString(s: Schema, uuid: string): string {
  if (s.format === 'uuid') return uuid;
  if (s.format === 'date' || s.pattern?.includes('\\d{4}-')) return s.pattern?.includes('(0[1-9]') && !s.pattern.includes('\\d{2}$') ? '2026-03' : '2026-03-20';
  if (s.format === 'date-time') return '2026-03-20T02:00:00.000Z';
  return '测试'.padEnd(Math.max(s.minLength ?? 2, 2), '试');
}
