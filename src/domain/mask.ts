// Masked forms shown to callers who may not read the full value.
export function maskIdNumber(last4: string | null): string | null {
  return last4 ? `**************${last4}` : null;
}

export function maskMobile(last4: string | null): string | null {
  return last4 ? `*******${last4}` : null;
}
