/**
 * Where Vigil deliberately differs from Elastic's expected documents (each listed in the README).
 * A difference matched here is reported as "excluded", never silently counted as agreement.
 */
import type { Exclusion } from './field-compare.js';

export const ELASTIC_EXCLUSIONS: readonly Exclusion[] = [
  {
    id: 'no-empty-strings',
    reason:
      'Vigil never emits empty strings (Elastic writes user.name "" and source.address "" for empty PAM fields).',
    applies: (_f, expected) => expected === '',
  },
  {
    id: 'pam-session-uid-of-opener',
    reason:
      'For "session opened for user X by (uid=N)" the uid is the opening process\'s, not X\'s: Vigil does not copy it to user.id.',
    applies: (field, _e, actual, doc) =>
      field === 'user.id' && actual === undefined && (doc as { user?: { name?: string } }).user?.name === '',
  },
  {
    id: 'ssh-event-grok-spill',
    reason:
      'Elastic\'s generic "<event> user <name> from <host>" grok stores message text in system.auth.ssh.event for "error: PAM: ..." lines; Vigil classifies them (event.action authentication_failure) and leaves ssh.event unset.',
    applies: (field, expected) =>
      field === 'system.auth.ssh.event' && typeof expected === 'string' && expected.startsWith('error: PAM:'),
  },
];
