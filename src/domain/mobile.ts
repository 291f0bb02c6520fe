/** Mainland mobile numbers: 11 digits starting with 1; "+86" and separators are stripped. */
export function normalizeMobile(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

export const mobileMessage = '手机号应为 11 位中国大陆手机号（1 开头）';
