import { describe, expect, it } from 'vitest';
import { createPersonalDataCipher } from '../../src/crypto/personal-data.ts';

const cipher = createPersonalDataCipher(Buffer.alloc(32, 9));

describe('personal data encryption', () => {
  it('round-trips and never produces the same ciphertext twice', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('detects a modified ciphertext (GCM tag)', () => {
    const sealed = cipher.encrypt('13912345678');
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body as string, 'base64');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => cipher.decrypt([v, iv, flipped.toString('base64'), tag].join('.'))).toThrow();
  });

  it('cannot be decrypted with another master key', () => {
    const other = createPersonalDataCipher(Buffer.alloc(32, 8));
    expect(() => other.decrypt(cipher.encrypt('13912345678'))).toThrow();
  });

  it('gives a stable keyed lookup hash that differs by kind and by key', () => {
    expect(cipher.lookupHash('mobile', '13912345678')).toBe(cipher.lookupHash('mobile', '13912345678'));
    expect(cipher.lookupHash('mobile', '13912345678')).not.toBe(cipher.lookupHash('idNumber', '13912345678'));
    expect(createPersonalDataCipher(Buffer.alloc(32, 8)).lookupHash('mobile', '13912345678')).not.toBe(cipher.lookupHash('mobile', '13912345678'));
  });
});
