import { sha256Id } from '@vigil/core';
import { LEVEL_SEVERITY, alertSchema, type Alert, type RuleLevel } from '@vigil/schema';

export interface AlertFixture {
  readonly n?: number;
  readonly at?: string;
  readonly ruleId?: string;
  readonly title?: string;
  readonly level?: RuleLevel;
  readonly tags?: readonly string[];
  readonly group?: Readonly<Record<string, string | number | boolean | null>>;
  readonly datasets?: readonly string[];
}

/** A valid alert for tests (parsed through the real schema); `n` makes the id unique. */
export function alertFixture(options: AlertFixture = {}): Alert {
  const at = options.at ?? '2026-03-01T10:00:00.000Z';
  const ruleId = options.ruleId ?? 'ssh-brute-force';
  const level = options.level ?? 'high';
  return alertSchema.parse({
    id: sha256Id('alert', ruleId, at, String(options.n ?? 0)),
    '@timestamp': at,
    kind: 'alert',
    rule: {
      id: ruleId,
      title: options.title ?? 'SSH brute force',
      level,
      type: 'event_count',
      tags: options.tags ?? ['attack.credential_access', 'attack.t1110'],
    },
    severity: LEVEL_SEVERITY[level],
    group: options.group ?? { 'source.ip': '203.0.113.7' },
    window: { start: at, end: at },
    count: 10,
    evidence: { event_ids: ['e1'], truncated: false },
    datasets: options.datasets ?? ['system.auth'],
  });
}

/** `at` plus `minutes`, as an ISO string. */
export function minutesAfter(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}
