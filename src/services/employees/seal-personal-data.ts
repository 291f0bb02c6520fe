import type { PersonalDataCipher } from '../../crypto/personal-data.ts';

/** Columns for a mobile / ID number: ciphertext, lookup hash, last four for masking. */
export function sealPersonalData(cipher: PersonalDataCipher, input: { mobile?: string; idNumber?: string }) {
  return {
    ...(input.mobile !== undefined && {
      mobileEnc: cipher.encrypt(input.mobile),
      mobileHash: cipher.lookupHash('mobile', input.mobile),
      mobileLast4: input.mobile.slice(-4),
    }),
    ...(input.idNumber !== undefined && {
      idNumberEnc: cipher.encrypt(input.idNumber),
      idNumberHash: cipher.lookupHash('idNumber', input.idNumber),
      idNumberLast4: input.idNumber.slice(-4),
    }),
  };
}
