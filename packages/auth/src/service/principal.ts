import type { Role } from '../roles/permissions.js';
import type { Session } from '../session/session-store.js';

/** Who is calling: a console user (cookie session) or a machine (API token). */
export interface Principal {
  readonly kind: 'user' | 'token';
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** A second factor was verified for this session (always false for tokens). */
  readonly mfa: boolean;
  /** Cookie-authenticated calls only: their session (CSRF token, expiry). */
  readonly session?: Session;
}
