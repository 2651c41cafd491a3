import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, loadRoutingConfig } from './load-routing-config.js';

function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'turbo.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repo root not found');
    dir = parent;
  }
  return dir;
}

const minimal = `route:
  receiver: team
receivers:
  - name: team
`;

describe('loadRoutingConfig', () => {
  it('applies Alertmanager-like defaults', () => {
    const result = loadRoutingConfig(minimal);
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.router.match({})).toEqual([
      {
        routeId: 'route',
        receiver: 'team',
        groupBy: ['incident'],
        groupWaitMs: 30_000,
        groupIntervalMs: 300_000,
        repeatIntervalMs: 14_400_000,
        muteTimeIntervals: [],
        activeTimeIntervals: [],
      },
    ]);
  });

  it('loads the example configuration shipped in deploy/config', () => {
    const file = path.join(repoRoot(), 'deploy/config/routing.example.yml');
    const env = new Proxy(
      {},
      { get: (_t, name) => (typeof name === 'string' ? `value-of-${name}` : undefined) },
    );
    const result = loadRoutingConfig(readFileSync(file, 'utf8'), { file, env });
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.config.receivers.find((r) => r.name === 'pagerduty-bob')?.channels[0]).toEqual({
      type: 'pagerduty',
      routing_key: 'value-of-VIGIL_PD_KEY_BOB',
    });
  });

  it('names file, path, line and column of every problem at once', () => {
    const text = `route:
  receiver: team
  group_wait: soon
  routes:
    - matchers: ['lvl="x"']
      receiver: nobody
receivers:
  - name: team
`;
    const result = loadRoutingConfig(text, { file: 'routing.yml' });
    if (result.ok) throw new Error('expected issues');
    expect(formatIssues(result.issues).split('\n')).toEqual([
      'routing.yml:3:15 route.group_wait: "soon" is not a duration (e.g. 30s, 5m, 1h30m, 1w)',
      'routing.yml:5:18 route.routes[0].matchers[0]: unknown label "lvl" in matcher "lvl="x""',
    ]);
  });

  it('checks cross-references once the shape is right', () => {
    const text = `route:
  receiver: team
  routes:
    - receiver: nobody
      escalation: missing
      mute_time_intervals: [never]
receivers:
  - name: team
  - name: team
`;
    const result = loadRoutingConfig(text, { file: 'r.yml' });
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => `${i.line} ${i.path}: ${i.message}`)).toEqual([
      '9 receivers[1].name: duplicate name "team"',
      '4 route.routes[0].receiver: unknown receiver "nobody"',
      '5 route.routes[0].escalation: unknown escalation policy "missing"',
      '6 route.routes[0].mute_time_intervals[0]: unknown time interval "never"',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = loadRoutingConfig('route:\n  receiver: [unclosed\n', { file: 'bad.yml' });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ file: 'bad.yml', path: '(yaml)', line: expect.any(Number) }],
    });
  });

  it('fills ${ENV} references and reports unset ones where they are used', () => {
    const text = `${minimal}    channels:\n      - type: slack\n        webhook_url: \${SLACK_URL}\n`;
    const ok = loadRoutingConfig(text, { env: { SLACK_URL: 'http://127.0.0.1/hook' } });
    if (!ok.ok) throw new Error(formatIssues(ok.issues));
    expect(ok.config.receivers[0]?.channels[0]).toEqual({
      type: 'slack',
      webhook_url: 'http://127.0.0.1/hook',
    });
    const missing = loadRoutingConfig(text, { env: {} });
    expect(missing).toMatchObject({
      ok: false,
      issues: [
        {
          path: 'receivers[0].channels[0].webhook_url',
          line: 7,
          message: 'environment variable SLACK_URL is not set',
        },
      ],
    });
  });

  it('validates channels with the schema it is given', () => {
    const channelSchema = z.object({ type: z.literal('slack'), webhook_url: z.url() });
    const text = `${minimal}    channels:\n      - type: slack\n        webhook_url: not-a-url\n`;
    const result = loadRoutingConfig(text, { channelSchema });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: 'receivers[0].channels[0].webhook_url', line: 7 }],
    });
  });

  it('rejects backwards time ranges and bad host group regexes', () => {
    const text = `${minimal}time_intervals:
  - name: night
    time_intervals:
      - times: [{ start_time: '22:00', end_time: '02:00' }]
host_groups:
  lab: ['(']
`;
    const result = loadRoutingConfig(text);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => i.path)).toEqual([
      'time_intervals[0].time_intervals[0].times[0]',
      'host_groups.lab[0]',
    ]);
  });
});
