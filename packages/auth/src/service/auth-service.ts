import { randomUUID } from 'node:crypto';
import { AuthError } from '../error/auth-error.js';
import { PasswordHasher } from '../password/password-hasher.js';
import { checkPasswordPolicy } from '../password/password-policy.js';
import { ACCOUNT_POLICY, IP_POLICY, LoginThrottle } from '../rate-limit/login-throttle.js';
import type { Throttle } from '../rate-limit/throttle.js';
import { MFA_ROLES, type Role } from '../roles/permissions.js';
import { newCsrfToken } from '../csrf/csrf.js';
import { newSessionId, sessionKey, type Session, type SessionStore } from '../session/session-store.js';
import { generateApiToken, hashesEqual, parseApiToken } from '../token/api-token.js';
import { base32Decode } from '../totp/base32.js';
import { generateTotpSecret, otpauthUri, verifyTotp } from '../totp/totp.js';
import type { ApiTokenRecord, TokenStore, UserRecord, UserStore } from '../users/user-store.js';
import type { Principal } from './principal.js';

export interface AuthServiceOptions {
  readonly users: UserStore;
  readonly tokens: TokenStore;
  readonly sessions: SessionStore;
  readonly hasher?: PasswordHasher;
  /** Default: in this process only; give a shared one when several API instances serve logins. */
  readonly throttle?: Throttle;
  readonly now?: () => number;
  /** Absolute session lifetime (default 12 h) and idle timeout (default 30 min). */
  readonly sessionTtlMs?: number;
  readonly idleTtlMs?: number;
}

export type LoginFailure = 'invalid_credentials' | 'mfa_required' | 'throttled';

export type LoginResult =
  | { readonly ok: true; readonly sessionId: string; readonly session: Session; readonly user: UserRecord }
  | { readonly ok: false; readonly reason: LoginFailure; readonly retryAfterMs?: number };

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  readonly totp?: string;
  readonly ip: string;
  /** The session cookie the browser still had, if any: it is destroyed (rotation on login). */
  readonly previousSessionId?: string;
}

export interface CreatedUser {
  readonly user: UserRecord;
  /** Shown once, for the authenticator app, when the user has a second factor. */
  readonly totpSecret?: string;
  readonly otpauthUri?: string;
}

/**
 * Console logins, sessions and machine tokens. Every refusal looks the same from outside
 * (`invalid_credentials`), and an unknown user costs the same hashing time as a known one.
 */
export class AuthService {
  readonly throttle: Throttle;
  private readonly hasher: PasswordHasher;
  private readonly now: () => number;
  private readonly sessionTtlMs: number;
  private readonly idleTtlMs: number;
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: AuthServiceOptions) {
    this.hasher = options.hasher ?? new PasswordHasher();
    this.now = options.now ?? Date.now;
    this.throttle = options.throttle ?? new LoginThrottle(this.now);
    this.sessionTtlMs = options.sessionTtlMs ?? 12 * 3_600_000;
    this.idleTtlMs = options.idleTtlMs ?? 30 * 60_000;
  }

  async createUser(input: { name: string; role: Role; password: string }): Promise<CreatedUser> {
    const name = input.name.trim();
    if (!/^[A-Za-z0-9._@-]{2,64}$/.test(name)) {
      throw new AuthError('user names are 2–64 letters, digits or . _ @ -', 'USER_NAME_INVALID');
    }
    if ((await this.options.users.getByName(name)) !== undefined)
      throw new AuthError(`user '${name}' exists`, 'USER_EXISTS');
    const problems = checkPasswordPolicy(input.password, { username: name });
    if (problems.length > 0) throw new AuthError(`password ${problems.join('; ')}`, 'PASSWORD_POLICY');
    const totpSecret = MFA_ROLES.has(input.role) ? generateTotpSecret() : undefined;
    const user: UserRecord = {
      id: randomUUID(),
      name,
      role: input.role,
      passwordHash: await this.hasher.hash(input.password),
      ...(totpSecret === undefined ? {} : { totpSecret }),
      disabled: false,
      createdAt: new Date(this.now()).toISOString(),
    };
    await this.options.users.put(user);
    return totpSecret === undefined
      ? { user }
      : { user, totpSecret, otpauthUri: otpauthUri(totpSecret, name) };
  }

  /**
   * Changes a user's own password: the current one must be right (throttled like a login), the new
   * one must meet the policy, and every other session of the user ends.
   */
  async changePassword(input: {
    userId: string;
    current: string;
    next: string;
    ip: string;
    keepSessionKey?: string;
  }): Promise<'changed' | 'invalid_credentials' | 'throttled'> {
    const user = await this.options.users.getById(input.userId);
    if (user === undefined) return 'invalid_credentials';
    const account = `account:${user.name.toLowerCase()}`;
    if (!(await this.throttle.check([account, `ip:${input.ip}`])).allowed) return 'throttled';
    if (!(await this.hasher.verify(input.current, user.passwordHash))) {
      await this.throttle.fail(account, ACCOUNT_POLICY);
      await this.throttle.fail(`ip:${input.ip}`, IP_POLICY);
      return 'invalid_credentials';
    }
    const problems = checkPasswordPolicy(input.next, { username: user.name });
    if (problems.length > 0) throw new AuthError(`password ${problems.join('; ')}`, 'PASSWORD_POLICY');
    await this.options.users.put({ ...user, passwordHash: await this.hasher.hash(input.next) });
    const keep =
      input.keepSessionKey === undefined ? undefined : await this.options.sessions.get(input.keepSessionKey);
    await this.options.sessions.deleteForUser(user.id);
    if (keep !== undefined) await this.options.sessions.put(keep);
    return 'changed';
  }

  async login(request: LoginRequest): Promise<LoginResult> {
    const account = `account:${request.username.toLowerCase()}`;
    const address = `ip:${request.ip}`;
    const verdict = await this.throttle.check([account, address]);
    if (!verdict.allowed) return { ok: false, reason: 'throttled', retryAfterMs: verdict.retryAfterMs };
    const user = await this.options.users.getByName(request.username);
    // Hash even for unknown users, so response time does not reveal which names exist.
    this.dummyHash ??= this.hasher.hash('not a real password');
    const passwordOk = await this.hasher.verify(
      request.password,
      user?.passwordHash ?? (await this.dummyHash),
    );
    const failed = async (): Promise<LoginResult> => {
      await this.throttle.fail(account, ACCOUNT_POLICY);
      await this.throttle.fail(address, IP_POLICY);
      return { ok: false, reason: 'invalid_credentials' };
    };
    if (user === undefined || !passwordOk || user.disabled) return await failed();
    let mfa = false;
    let current = user;
    if (MFA_ROLES.has(user.role) || user.totpSecret !== undefined) {
      const secret = user.totpSecret === undefined ? undefined : base32Decode(user.totpSecret);
      if (secret === undefined) return await failed();
      if (request.totp === undefined || request.totp === '') return { ok: false, reason: 'mfa_required' };
      const step = verifyTotp(secret, request.totp, this.now(), {
        ...(user.lastTotpStep === undefined ? {} : { lastUsedStep: user.lastTotpStep }),
      });
      if (step === undefined) return await failed();
      const users = this.options.users;
      if (users.claimTotpStep !== undefined && !(await users.claimTotpStep(user.id, step)))
        return await failed();
      current = { ...user, lastTotpStep: step };
      mfa = true;
    }
    if (this.hasher.needsRehash(current.passwordHash)) {
      current = { ...current, passwordHash: await this.hasher.hash(request.password) };
    }
    if (current !== user) await this.options.users.put(current);
    await this.throttle.succeed(account);
    if (request.previousSessionId !== undefined)
      await this.options.sessions.delete(sessionKey(request.previousSessionId));
    const sessionId = newSessionId();
    const now = this.now();
    const session: Session = {
      key: sessionKey(sessionId),
      userId: current.id,
      csrfToken: newCsrfToken(),
      mfa,
      createdAt: now,
      absoluteExpiresAt: now + this.sessionTtlMs,
      idleExpiresAt: now + this.idleTtlMs,
    };
    await this.options.sessions.put(session);
    return { ok: true, sessionId, session, user: current };
  }

  /** The caller behind a session cookie; slides the idle expiry. Undefined when expired or unknown. */
  async authenticateSession(sessionId: string): Promise<Principal | undefined> {
    const key = sessionKey(sessionId);
    const session = await this.options.sessions.get(key);
    if (session === undefined) return undefined;
    const user = await this.options.users.getById(session.userId);
    if (user === undefined || user.disabled) {
      await this.options.sessions.delete(key);
      return undefined;
    }
    const touched: Session = {
      ...session,
      idleExpiresAt: Math.min(session.absoluteExpiresAt, this.now() + this.idleTtlMs),
    };
    await this.options.sessions.put(touched);
    return {
      kind: 'user',
      id: user.id,
      name: user.name,
      role: user.role,
      mfa: session.mfa,
      session: touched,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.options.sessions.delete(sessionKey(sessionId));
  }

  /** The machine behind a bearer token, or undefined. Failures count against the address. */
  async authenticateToken(
    token: string,
    ip: string,
  ): Promise<Principal | { throttledMs: number } | undefined> {
    const address = `token-ip:${ip}`;
    const verdict = await this.throttle.check([address]);
    if (!verdict.allowed) return { throttledMs: verdict.retryAfterMs };
    const parsed = parseApiToken(token);
    const record = parsed === undefined ? undefined : await this.options.tokens.get(parsed.id);
    const expired = record?.expiresAt !== undefined && Date.parse(record.expiresAt) <= this.now();
    if (parsed === undefined || record === undefined || expired || !hashesEqual(record.hash, parsed.hash)) {
      await this.throttle.fail(address, IP_POLICY);
      return undefined;
    }
    return { kind: 'token', id: record.id, name: record.name, role: record.role, mfa: false };
  }

  async createToken(input: {
    name: string;
    role: Role;
    createdBy: string;
    expiresAt?: string;
  }): Promise<{ token: string; record: ApiTokenRecord }> {
    const generated = generateApiToken();
    const record: ApiTokenRecord = {
      id: generated.id,
      name: input.name,
      role: input.role,
      hash: generated.hash,
      createdBy: input.createdBy,
      createdAt: new Date(this.now()).toISOString(),
      ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt }),
    };
    await this.options.tokens.put(record);
    return { token: generated.token, record };
  }

  revokeToken(id: string): Promise<boolean> {
    return this.options.tokens.delete(id);
  }

  listTokens(): Promise<ApiTokenRecord[]> {
    return this.options.tokens.list();
  }

  listUsers(): Promise<UserRecord[]> {
    return this.options.users.list();
  }

  async deleteUser(id: string): Promise<boolean> {
    await this.options.sessions.deleteForUser(id);
    return this.options.users.delete(id);
  }
}
