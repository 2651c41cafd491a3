import type { z } from 'zod';

/** Where a zod issue is in the YAML: unknown keys point at the (first) offending key itself. */
export function zodIssuePath(issue: z.core.$ZodIssue): (string | number)[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) return [...path, issue.keys[0]];
  return path;
}

/** `a.b: message`, with unknown keys named. */
export function zodIssueMessage(prefix: string, issue: z.core.$ZodIssue): string {
  const where = [prefix, ...zodIssuePath(issue)].filter((part) => part !== '').join('.');
  return `${where || '(root)'}: ${issue.message}`;
}
