import { createHash, randomBytes } from 'node:crypto';

export interface Session {
  /** sha256 of the cookie value: the store never holds a usable session id. */
  readonly key: string;
  readonly userId: string;
  /** Synchronizer CSRF token bound to this session; sent back in `x-csrf-token` on every mutation. */
  readonly csrfToken: string;
  /** A second factor was verified when this session was made. */
  readonly mfa: boolean;
  readonly createdAt: number;
  /** Hard limit: a session never outlives this, however active. */
  readonly absoluteExpiresAt: number;
  /** Sliding limit, pushed forward on use. */
  readonly idleExpiresAt: number;
}

/** Server-side session storage (in memory here; the Redis adapter provides a shared one). */
export interface SessionStore {
  put(session: Session): Promise<void>;
  get(key: string): Promise<Session | undefined>;
  delete(key: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
}

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionKey(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** In-process sessions, expired lazily on read and swept when the map grows. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxSessions = 100_000,
  ) {}

  put(session: Session): Promise<void> {
    if (this.sessions.size >= this.maxSessions) this.sweep();
    this.sessions.delete(session.key);
    this.sessions.set(session.key, session);
    // Still full of live sessions: drop the oldest rather than grow without bound.
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    return Promise.resolve();
  }

  get(key: string): Promise<Session | undefined> {
    const session = this.sessions.get(key);
    if (session === undefined) return Promise.resolve(undefined);
    const now = this.now();
    if (now >= session.absoluteExpiresAt || now >= session.idleExpiresAt) {
      this.sessions.delete(key);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(session);
  }

  delete(key: string): Promise<void> {
    this.sessions.delete(key);
    return Promise.resolve();
  }

  deleteForUser(userId: string): Promise<void> {
    for (const [key, session] of this.sessions) if (session.userId === userId) this.sessions.delete(key);
    return Promise.resolve();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions) {
      if (now >= session.absoluteExpiresAt || now >= session.idleExpiresAt) this.sessions.delete(key);
    }
  }
}
