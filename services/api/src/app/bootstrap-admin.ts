import { randomBytes } from 'node:crypto';
import type { AuthService } from '@vigil/auth';

/**
 * First start: with no users at all, creates the named admin with a random password and returns
 * what its owner needs to sign in (shown once, on the terminal, never logged).
 */
export async function bootstrapAdmin(auth: AuthService, name: string): Promise<string | undefined> {
  if ((await auth.listUsers()).length > 0) return undefined;
  // Random, and meets the policy by construction (upper, digit, special).
  const password = `${randomBytes(18).toString('base64url')}-A7`;
  const created = await auth.createUser({ name, role: 'admin', password });
  return [
    `Created the first admin '${name}'. Shown once; store it now:`,
    `  password: ${password}`,
    `  TOTP secret: ${created.totpSecret ?? ''}`,
    `  authenticator URI: ${created.otpauthUri ?? ''}`,
  ].join('\n');
}
