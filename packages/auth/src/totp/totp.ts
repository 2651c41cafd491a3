import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './base32.js';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  readonly digits?: number;
  readonly stepSeconds?: number;
  readonly algorithm?: TotpAlgorithm;
}

/** HOTP (RFC 4226): HMAC of the 8-byte counter, dynamically truncated to `digits` decimal digits. */
export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = 6,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP time step (RFC 6238) of an instant. */
export function totpStep(unixMs: number, stepSeconds = 30): number {
  return Math.floor(unixMs / 1000 / stepSeconds);
}

/** TOTP (RFC 6238) at an instant. */
export function totp(secret: Uint8Array, unixMs: number, options: TotpOptions = {}): string {
  return hotp(secret, totpStep(unixMs, options.stepSeconds), options.digits, options.algorithm);
}

export interface VerifyTotpOptions extends TotpOptions {
  /** Steps accepted either side of now, for clock drift (default 1: ±30 s). */
  readonly window?: number;
  /** The last step accepted for this user: a code is good once (no replay within its window). */
  readonly lastUsedStep?: number;
}

/** The matching step when `code` is valid now, else undefined. Compares in constant time. */
export function verifyTotp(
  secret: Uint8Array,
  code: string,
  unixMs: number,
  options: VerifyTotpOptions = {},
): number | undefined {
  const digits = options.digits ?? 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return undefined;
  const current = totpStep(unixMs, options.stepSeconds);
  const window = options.window ?? 1;
  let found: number | undefined;
  for (let step = current - window; step <= current + window; step++) {
    const expected = hotp(secret, step, digits, options.algorithm);
    // No early exit: every candidate is computed and compared, whichever matches.
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code)) && found === undefined) found = step;
  }
  if (found === undefined) return undefined;
  if (options.lastUsedStep !== undefined && found <= options.lastUsedStep) return undefined;
  return found;
}

/** A new 20-byte (160-bit, as RFC 4226 recommends) secret, base32 for authenticator apps. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The `otpauth://` URI authenticator apps read (usually from a QR code). */
export function otpauthUri(secretBase32: string, account: string, issuer = 'Vigil'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
