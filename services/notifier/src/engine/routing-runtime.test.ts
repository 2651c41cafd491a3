import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRoutingRuntime } from './routing-runtime.js';

function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'turbo.json'))) dir = path.dirname(dir);
  return dir;
}

const example = readFileSync(path.join(repoRoot(), 'deploy/config/routing.example.yml'), 'utf8');
const env = {
  VIGIL_SLACK_SECOPS_URL: 'https://hooks.slack.example/services/T/B/x',
  VIGIL_SLACK_NETWORK_URL: 'https://hooks.slack.example/services/T/B/y',
  VIGIL_SOAR_WEBHOOK_URL: 'https://soar.example.org/vigil',
  VIGIL_SOAR_WEBHOOK_SECRET: '0123456789abcdef0123',
  VIGIL_PD_KEY_ALICE: 'A'.repeat(32),
  VIGIL_PD_KEY_BOB: 'B'.repeat(32),
  VIGIL_PD_KEY_CAROL: 'C'.repeat(32),
};
const smtp = { host: '127.0.0.1', port: 2525, secure: false, require_tls: false };

describe('buildRoutingRuntime', () => {
  it('builds every receiver channel of the shipped example', () => {
    const built = buildRoutingRuntime(example, { file: 'routing.example.yml', env, defaults: { smtp } });
    if (!built.ok) throw new Error(built.message);
    const types = [...built.runtime.receivers].map(
      ([name, channels]) => `${name}:${channels.map((c) => c.channel.type).join('+')}`,
    );
    expect(types).toEqual([
      'slack-secops:slack',
      'slack-network:slack+webhook',
      'email-secops-leads:email',
      'pagerduty-alice:pagerduty',
      'pagerduty-bob:pagerduty',
      'pagerduty-carol:pagerduty',
    ]);
  });

  it('reports channel problems at their line, and an email channel without SMTP', () => {
    const bad = buildRoutingRuntime(example, {
      file: 'r.yml',
      env: { ...env, VIGIL_PD_KEY_BOB: 'short' },
      defaults: { smtp },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.message).toMatch(
        /^r\.yml:\d+:\d+ receivers\[4\]\.channels\[0\]\.routing_key: a PagerDuty routing key is 32 letters and digits$/,
      );
    const noSmtp = buildRoutingRuntime(example, { file: 'r.yml', env });
    expect(noSmtp).toMatchObject({
      ok: false,
      issues: [{ path: 'receivers[2].channels[0]', message: expect.stringContaining('no SMTP settings') }],
    });
  });
});
