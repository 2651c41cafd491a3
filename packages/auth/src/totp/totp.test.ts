import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';
import { hotp, otpauthUri, totp, verifyTotp } from './totp.js';

// RFC 6238 Appendix B: seeds are ASCII "1234567890" repeated to the hash's block size.
const SHA1 = Buffer.from('12345678901234567890');
const SHA256 = Buffer.from('12345678901234567890123456789012');
const SHA512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');

describe('TOTP (RFC 6238 test vectors)', () => {
  it.each([
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ])('T=%i', (seconds, sha1, sha256, sha512) => {
    const ms = seconds * 1000;
    expect(totp(SHA1, ms, { digits: 8 })).toBe(sha1);
    expect(totp(SHA256, ms, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totp(SHA512, ms, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  it('matches RFC 4226 HOTP vectors', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(SHA1, counter))).toEqual(expected);
  });

  it('accepts ±1 step of drift, refuses replays and malformed codes', () => {
    const now = 1_700_000_000_000;
    const code = totp(SHA1, now - 30_000);
    const step = verifyTotp(SHA1, code, now);
    expect(step).toBe(Math.floor(now / 30_000) - 1);
    expect(verifyTotp(SHA1, code, now, { lastUsedStep: step! })).toBeUndefined();
    expect(verifyTotp(SHA1, totp(SHA1, now - 90_000), now)).toBeUndefined();
    expect(verifyTotp(SHA1, '12345', now)).toBeUndefined();
    expect(verifyTotp(SHA1, 'abcdef', now)).toBeUndefined();
  });

  it('round-trips base32 (RFC 4648 vectors) and builds otpauth URIs', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw6ytboi======')?.toString()).toBe('foobar');
    expect(base32Decode('not base32!')).toBeUndefined();
    expect(base32Decode(base32Encode(SHA1))).toEqual(SHA1);
    expect(otpauthUri('MZXW6YTBOI', 'ana@example.com')).toBe(
      'otpauth://totp/Vigil:ana%40example.com?secret=MZXW6YTBOI&issuer=Vigil&algorithm=SHA1&digits=6&period=30',
    );
  });
});
