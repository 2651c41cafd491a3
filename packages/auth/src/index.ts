export { AuthError } from './error/auth-error.js';
export {
  ROLES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  MFA_ROLES,
  can,
  isRole,
  type Role,
  type Permission,
} from './roles/permissions.js';
export { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password/password-policy.js';
export { PasswordHasher, STRONG_SCRYPT, type ScryptParams } from './password/password-hasher.js';
export { generateApiToken, parseApiToken, TOKEN_PREFIX, type NewApiToken } from './token/api-token.js';
export { base32Encode, base32Decode } from './totp/base32.js';
export {
  hotp,
  totp,
  totpStep,
  verifyTotp,
  generateTotpSecret,
  otpauthUri,
  type TotpAlgorithm,
} from './totp/totp.js';
export {
  MemorySessionStore,
  newSessionId,
  sessionKey,
  type Session,
  type SessionStore,
} from './session/session-store.js';
export { CSRF_HEADER, newCsrfToken, csrfTokenMatches } from './csrf/csrf.js';
export { SESSION_COOKIE, serializeSessionCookie, clearSessionCookie, readCookie } from './cookie/cookie.js';
export {
  LoginThrottle,
  ACCOUNT_POLICY,
  IP_POLICY,
  type ThrottlePolicy,
  type ThrottleVerdict,
} from './rate-limit/login-throttle.js';
export type { Throttle } from './rate-limit/throttle.js';
export {
  MemoryUserStore,
  MemoryTokenStore,
  type UserRecord,
  type ApiTokenRecord,
  type UserStore,
  type TokenStore,
} from './users/user-store.js';
export { JsonFileAuthStore } from './users/json-file-store.js';
export { apiTokenRecordSchema, userRecordSchema } from './users/auth-records.schema.js';
export { auditRecordSchema, type AuditRecord, type AuditSink } from './audit/audit-record.schema.js';
export { StreamAuditSink, MemoryAuditSink } from './audit/stream-audit-sink.js';
export {
  AuthService,
  type AuthServiceOptions,
  type LoginResult,
  type LoginRequest,
  type CreatedUser,
} from './service/auth-service.js';
export type { Principal } from './service/principal.js';
