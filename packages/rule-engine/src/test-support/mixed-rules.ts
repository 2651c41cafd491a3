import type { CompiledRule } from '../model/compiled-rule.js';
import {
  absenceRule,
  detection,
  eventCountRule,
  groupBy,
  isFailure,
  isSuccess,
  newTermsRule,
  temporalRule,
  valueCountRule,
} from './rules.js';

/** One rule of every type, chained the way the shipped rules are: used by property and snapshot tests. */
export function mixedRules(): CompiledRule[] {
  return [
    detection('ssh-failure', isFailure),
    detection('ssh-success', isSuccess, {
      generate: true,
      suppress: { groupBy: groupBy('user.name'), windowMs: 20_000 },
    }),
    eventCountRule('brute-force', { rules: ['ssh-failure'], timespanMs: 30_000, condition: { gte: 4 } }),
    valueCountRule('password-spray', {
      rules: ['ssh-failure'],
      field: 'user.name',
      timespanMs: 60_000,
      condition: { gte: 3 },
    }),
    temporalRule('success-after-brute-force', {
      rules: ['brute-force', 'ssh-success'],
      ordered: true,
      timespanMs: 60_000,
    }),
    temporalRule('fail-and-succeed', {
      rules: ['ssh-failure', 'ssh-success'],
      groupBy: groupBy('user.name'),
      timespanMs: 10_000,
    }),
    absenceRule('host-silent', { timespanMs: 45_000 }),
    newTermsRule('new-login-source', { fields: ['source.ip'], historyMs: 120_000 }),
  ];
}
