import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '@vigil/cli';
import type { RuleSet } from '@vigil/rule-engine';
import { REPO_ROOT } from '../testing/fixture-logs.js';
import { computeFamilies, CONSTANT_FAMILY } from './compute-families.js';

const names = (ruleSet: RuleSet): string[] => ruleSet.rules.map((rule) => rule.meta.name ?? rule.meta.id);

/** Compiles Sigma YAML documents (with the repository's field mappings) into a rule set. */
async function compile(yaml: string): Promise<RuleSet> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-families-'));
  writeFileSync(join(dir, 'rules.yml'), yaml);
  const pack = await loadRulePack([dir], REPO_ROOT);
  expect(pack.result.errors).toEqual([]);
  return pack.result.ruleSet;
}

const detection = (name: string, id: string, action: string): string => `title: ${name}
name: ${name}
id: ${id}
logsource: { product: linux, service: sshd }
detection:
  selection:
    event.dataset: system.auth
    event.action: ${action}
  condition: selection
level: low
generate: false
`;

describe('computeFamilies', () => {
  let starter: RuleSet;
  beforeAll(async () => {
    starter = (await loadRulePack([], REPO_ROOT)).result.ruleSet;
  });

  it('groups the starter pack by shared group-by fields and keeps plain signatures stateless', () => {
    const topology = computeFamilies(starter);
    expect(topology.warnings).toEqual([]);
    expect(topology.problems).toEqual([]);
    const byId = new Map(topology.families.map((family) => [family.id, family]));
    expect([...byId.keys()]).toEqual([
      'cloud.account.id',
      'destination.ip,destination.port,source.ip',
      'host.hostname',
      'host.hostname,source.ip',
      'host.hostname,user.name',
      'source.ip',
      'source.ip,user.name',
      'user.name',
    ]);
    // Brute force, spray, the failure run and the chain on it, port scan and web bursts share source.ip.
    const sourceIp = byId.get('source.ip');
    expect(
      sourceIp?.ruleIds.map((id) => starter.rules.find((rule) => rule.meta.id === id)?.meta.name),
    ).toEqual([
      'ssh_brute_force',
      'ssh_password_spray',
      'ssh_failure_run',
      'ssh_success_after_failures',
      'port_scan',
      'waf_denial_burst',
      'web_rate_limit_burst',
    ]);
    // The detections they read come along as feeders: no alerts, no suppression of their own.
    const feeders = sourceIp?.ruleSet.rules.filter((rule) => rule.type === 'signature') ?? [];
    expect(feeders.map((rule) => rule.meta.name)).toEqual([
      'ssh_auth_failure',
      'ssh_login_success',
      'firewall_connection_attempt',
      'waf_denial',
      'web_rate_limited_request',
    ]);
    expect(feeders.every((rule) => !rule.generate && !('suppress' in rule))).toBe(true);
    expect(names(byId.get('user.name')?.ruleSet ?? { rules: [] })).toEqual([
      'ssh_auth_failure',
      'ssh_distributed_guessing',
    ]);
    expect(topology.stateless.map((rule) => rule.meta.name)).toEqual([
      'aws_console_login_without_mfa',
      'aws_new_admin',
      'local_account_created',
      'local_admin_group_member_added',
      'sudo_not_in_sudoers',
      'vigil_admin_without_mfa',
    ]);
  });

  it('routes a chain whose rules share no group-by field under one constant key, with a warning', async () => {
    const ruleSet =
      await compile(`${detection('fail', 'f0000000-0000-4000-8000-000000000001', 'ssh_login')}---
title: failures per source
name: per_source
id: f0000000-0000-4000-8000-000000000002
correlation: { type: event_count, rules: [fail], group-by: [source.ip], timespan: 5m, condition: { gte: 3 } }
level: low
generate: false
---
title: per source runs on one account
name: per_user
id: f0000000-0000-4000-8000-000000000003
correlation: { type: event_count, rules: [per_source], group-by: [user.name], timespan: 10m, condition: { gte: 2 } }
level: high
`);
    const topology = computeFamilies(ruleSet);
    expect(topology.families.map((family) => family.id)).toEqual([CONSTANT_FAMILY]);
    expect(topology.families[0]?.fields).toEqual([]);
    expect(topology.warnings).toHaveLength(1);
    expect(topology.warnings[0]).toContain('share no group-by field');
  });

  it('routes rules that read a group-by name through aliases under one constant key', async () => {
    const ruleSet = await compile(`${detection('out', 'a0000000-0000-4000-8000-000000000001', 'ssh_login')}---
${detection('back', 'a0000000-0000-4000-8000-000000000002', 'ssh_logout')}---
title: connection out then back
name: out_and_back
id: a0000000-0000-4000-8000-000000000003
correlation:
  type: temporal
  rules: [out, back]
  aliases:
    peer:
      out: source.ip
      back: destination.ip
  group-by: [peer]
  timespan: 5m
level: high
`);
    const topology = computeFamilies(ruleSet);
    expect(topology.families.map((family) => family.id)).toEqual([CONSTANT_FAMILY]);
    expect(topology.warnings[0]).toContain('aliases or field mappings');
  });
});
