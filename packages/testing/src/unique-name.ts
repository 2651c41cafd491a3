import { randomBytes } from 'node:crypto';

/** A name no other test (or earlier run) uses: one topic, index or key prefix per test. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
