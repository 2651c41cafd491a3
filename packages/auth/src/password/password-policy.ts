export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * Checks a new password against the policy; every unmet rule is listed, in words a person can act on.
 * An empty list means the password is acceptable.
 */
export function checkPasswordPolicy(
  password: string,
  context: { readonly username?: string } = {},
): string[] {
  const problems: string[] = [];
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH)
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length})`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (!/\p{Lu}/u.test(password)) problems.push('must contain an upper-case letter');
  if (!/\p{Nd}/u.test(password)) problems.push('must contain a digit');
  if (!/[^\p{L}\p{Nd}\s]/u.test(password))
    problems.push('must contain a special character such as ! ? # % or -');
  const username = context.username?.toLowerCase();
  if (username !== undefined && username.length >= 3 && password.toLowerCase().includes(username)) {
    problems.push('must not contain the user name');
  }
  return problems;
}
