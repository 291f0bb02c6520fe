// What "a person can read it" means in tests: Chinese, with no role or permission codes, no
// UUIDs and no English words. Digits, dates and a few product names are allowed.
import { expect } from 'vitest';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ALLOWED_LATIN = ['PDF', 'H5', 'ID', 'UserID'];

/** Fails with the offending text when it holds a UUID or Latin letters beyond ALLOWED_LATIN. */
export function expectReadableChinese(text: string): void {
  expect(text, `UUID in: ${text}`).not.toMatch(UUID);
  const latin = ALLOWED_LATIN.reduce((s, word) => s.replaceAll(word, ''), text);
  expect(latin, `Latin letters (a code or English) in: ${text}`).not.toMatch(/[A-Za-z]/);
  expect(text, `no Chinese in: ${text}`).toMatch(/[\u4e00-\u9fff]/);
}
