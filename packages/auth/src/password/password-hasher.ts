import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1): about 128 MiB and a few hundred ms per hash. */
export const STRONG_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // The async form runs on libuv's thread pool: a login never blocks the event loop.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Password hashing with scrypt. Hashes are self-describing (`$scrypt$ln=17,r=8,p=1$salt$hash`),
 * so the cost can be raised later and old hashes still verify (and report that they need a rehash).
 */
export class PasswordHasher {
  constructor(private readonly params: ScryptParams = STRONG_SCRYPT) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await derive(password, salt, this.params);
    const { logN, r, p } = this.params;
    return `$scrypt$ln=${logN},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  /** Constant-time comparison; false for a malformed stored hash. */
  async verify(password: string, stored: string): Promise<boolean> {
    const match = FORMAT.exec(stored);
    if (match === null) return false;
    const [, logN, r, p, salt, expected] = match;
    const params = { logN: Number(logN), r: Number(r), p: Number(p) };
    if (params.logN < 1 || params.logN > 22) return false;
    const key = await derive(password, Buffer.from(salt ?? '', 'base64'), params);
    const want = Buffer.from(expected ?? '', 'base64');
    return want.length === key.length && timingSafeEqual(key, want);
  }

  /** Whether a stored hash was made with weaker parameters than this hasher's. */
  needsRehash(stored: string): boolean {
    const match = FORMAT.exec(stored);
    if (match === null) return true;
    return (
      Number(match[1]) < this.params.logN ||
      Number(match[2]) < this.params.r ||
      Number(match[3]) < this.params.p
    );
  }
}
