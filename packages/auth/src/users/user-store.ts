import { UsedTotpSteps } from '../totp/used-totp-steps.js';
import type { Role } from '../roles/permissions.js';

/** A console user. Secrets are stored only as hashes (password) or encrypted at rest by the store (TOTP). */
export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  /** Base32 TOTP secret; required for roles in MFA_ROLES. */
  readonly totpSecret?: string;
  /** The last TOTP step accepted, so a code cannot be replayed. */
  readonly lastTotpStep?: number;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** A machine credential: the token itself is never stored, only the sha256 of its secret. */
export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly hash: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt?: string;
}

export interface UserStore {
  list(): Promise<UserRecord[]>;
  getById(id: string): Promise<UserRecord | undefined>;
  getByName(name: string): Promise<UserRecord | undefined>;
  put(user: UserRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
  /**
   * Atomically claims a user's TOTP time step: true the first time, false ever after. Stores shared
   * by several API instances implement it, so one code cannot sign in twice through two instances
   * that both read the user before either saved `lastTotpStep`.
   */
  claimTotpStep?(userId: string, step: number): Promise<boolean>;
}

export interface TokenStore {
  list(): Promise<ApiTokenRecord[]>;
  get(id: string): Promise<ApiTokenRecord | undefined>;
  put(token: ApiTokenRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export class MemoryUserStore implements UserStore {
  private readonly users = new Map<string, UserRecord>();
  private readonly steps = new UsedTotpSteps();

  claimTotpStep(userId: string, step: number): Promise<boolean> {
    return Promise.resolve(this.steps.claim(userId, step));
  }

  list(): Promise<UserRecord[]> {
    return Promise.resolve([...this.users.values()].sort((a, b) => a.name.localeCompare(b.name)));
  }

  getById(id: string): Promise<UserRecord | undefined> {
    return Promise.resolve(this.users.get(id));
  }

  getByName(name: string): Promise<UserRecord | undefined> {
    const lower = name.toLowerCase();
    return Promise.resolve([...this.users.values()].find((user) => user.name.toLowerCase() === lower));
  }

  put(user: UserRecord): Promise<void> {
    this.users.set(user.id, user);
    return Promise.resolve();
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.users.delete(id));
  }
}

export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, ApiTokenRecord>();

  list(): Promise<ApiTokenRecord[]> {
    return Promise.resolve([...this.tokens.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  }

  get(id: string): Promise<ApiTokenRecord | undefined> {
    return Promise.resolve(this.tokens.get(id));
  }

  put(token: ApiTokenRecord): Promise<void> {
    this.tokens.set(token.id, token);
    return Promise.resolve();
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.tokens.delete(id));
  }
}
