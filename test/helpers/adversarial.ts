// fast-check arbitraries for what a scanner throws at an API: huge numbers and strings, impossible
// dates, SQL, path traversal, control characters, lone surrogates, prototype-pollution keys.
import fc from 'fast-check';

export const adversarialValue = fc.oneof(
  fc.constantFrom<unknown>(
    1e308, -1e308, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2, null, true, [], {},
    '2026-02-30', '2026-13-01', '0000-00-00', '2026-02-29', '9999-12-31T99:99:99Z', '2026-3-1',
    "'; DROP TABLE \"Employee\"; --", "' OR '1'='1", '1; SELECT pg_sleep(10)', '$where: 1',
    '../../../../etc/passwd', '..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'a\u0000b',
    '\ud800', '\udfff\ud800', '=cmd|\' /C calc\'!A0', '<script>alert(1)</script>', '{{7*7}}', '${7*7}',
    'x'.repeat(100_000), '测'.repeat(20_000), ' ', '',
  ),
  fc.double(),
  fc.bigInt().map((n) => Number(n)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A JSON text with pollution keys at the top and one level down, sent raw (JSON.stringify would drop __proto__). */
export const pollutionBody = fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype'), value: adversarialValue })
  .map(({ key, value }) => `{"${key}":{"polluted":${JSON.stringify(value ?? null)},"isAdmin":true},"nested":{"__proto__":{"roles":["ADMIN"]}}}`);

/** The schema's smallest valid body with one field (or a new one) replaced by an adversarial value. */
export function mutatedBody(sample: unknown) {
  const keys = sample && typeof sample === 'object' && !Array.isArray(sample) ? Object.keys(sample) : [];
  return fc.record({ key: keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }), value: adversarialValue })
    .map(({ key, value }) => JSON.stringify({ ...(sample as object), [key]: value }));
}

/** Not UTF-8 at all: bytes a JSON parser must refuse. */
export const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(bytes), Buffer.from('"}')]));

export const traversalFileName = fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', '/etc/shadow', 'a/../../b.pdf', '%2e%2e%2fx.pdf', 'x\u0000.pdf', 'CON', '.htaccess', '名册.xlsx\u202Efdp.exe', 'x'.repeat(300));
