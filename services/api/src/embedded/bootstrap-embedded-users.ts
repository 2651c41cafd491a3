import { randomBytes } from 'node:crypto';
import type { AuthService } from '@vigil/auth';

function randomPassword(): string {
  // Random, and meets the policy by construction (upper, digit, special).
  return `${randomBytes(18).toString('base64url')}-A7`;
}

/**
 * First start of the embedded API: with no users at all, creates `admin` (admin role, TOTP
 * required) and `analyst` (responder: works incidents and silences, no TOTP), and returns what their
 * owner needs to sign in — shown once on the terminal, never logged, only hashes kept.
 */
export async function bootstrapEmbeddedUsers(auth: AuthService): Promise<string | undefined> {
  if ((await auth.listUsers()).length > 0) return undefined;
  const analystPassword = randomPassword();
  await auth.createUser({ name: 'analyst', role: 'responder', password: analystPassword });
  const adminPassword = randomPassword();
  const admin = await auth.createUser({ name: 'admin', role: 'admin', password: adminPassword });
  return [
    'First start: created two console users. Shown once; store them now:',
    `  analyst (responder)  password: ${analystPassword}`,
    `  admin   (admin)      password: ${adminPassword}`,
    `                       TOTP secret: ${admin.totpSecret ?? ''}`,
    `                       authenticator URI: ${admin.otpauthUri ?? ''}`,
  ].join('\n');
}
