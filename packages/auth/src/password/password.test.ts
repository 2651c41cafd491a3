import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password-hasher.js';
import { checkPasswordPolicy } from './password-policy.js';

describe('checkPasswordPolicy', () => {
  it('lists every unmet rule in plain words', () => {
    expect(checkPasswordPolicy('short')).toEqual([
      'must be at least 8 characters long (it has 5)',
      'must contain an upper-case letter',
      'must contain a digit',
      'must contain a special character such as ! ? # % or -',
    ]);
    expect(checkPasswordPolicy('Correct-Horse-9')).toEqual([]);
    expect(checkPasswordPolicy('Ana-Pass-2024', { username: 'ana' })).toEqual([
      'must not contain the user name',
    ]);
  });
});

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher({ logN: 10, r: 8, p: 1 });

  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hasher.hash('Correct-Horse-9');
    const b = await hasher.hash('Correct-Horse-9');
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify('Correct-Horse-9', a)).toBe(true);
    expect(await hasher.verify('correct-horse-9', a)).toBe(false);
    expect(await hasher.verify('Correct-Horse-9', 'garbage')).toBe(false);
  });

  it('verifies hashes made with other parameters and flags weaker ones for rehash', async () => {
    const weak = await new PasswordHasher({ logN: 8, r: 8, p: 1 }).hash('Correct-Horse-9');
    expect(await hasher.verify('Correct-Horse-9', weak)).toBe(true);
    expect(hasher.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
  });
});
