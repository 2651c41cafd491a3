import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@vigil/core';
import { waitFor } from '@vigil/testing';
import { REPO_ROOT } from '../testing/fixture-logs.js';
import { RuleSource, type LoadedRules } from './rule-source.js';

const logger = createLogger({ name: 'test', level: 'silent' });
let source: RuleSource | undefined;

afterEach(() => source?.close());

describe('RuleSource', () => {
  it('loads the starter pack by default, with families and a router', async () => {
    source = new RuleSource({ paths: [], cwd: REPO_ROOT, maxEvidence: 100 }, logger);
    const rules = await source.load();
    expect(rules.errors).toBe(0);
    expect(rules.ruleSet.rules.length).toBeGreaterThan(20);
    expect(rules.topology.families.map((family) => family.id)).toContain('source.ip');
  });

  it('reloads when a rule file changes, and keeps the rules in force when the new ones do not compile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-rules-'));
    copyFileSync(join(REPO_ROOT, 'rules/host/ssh/ssh_root_login.yml'), join(dir, 'root.yml'));
    source = new RuleSource({ paths: [dir], cwd: REPO_ROOT, maxEvidence: 100, debounceMs: 50 }, logger);
    const loaded = await source.load();
    expect(loaded.ruleSet.rules).toHaveLength(1);
    const applied: LoadedRules[] = [];
    const refused: LoadedRules[] = [];
    source.watch(
      loaded.ruleSet,
      (rules) => applied.push(rules),
      (rules) => refused.push(rules),
    );

    copyFileSync(join(REPO_ROOT, 'rules/cloud/aws_root_account_used.yml'), join(dir, 'aws.yml'));
    await waitFor(() => applied.at(-1)?.ruleSet.rules.length === 2, {
      timeoutMs: 10_000,
      description: 'a reload',
    });
    expect(applied.at(-1)?.topology.families.map((family) => family.id)).toEqual([
      'cloud.account.id',
      'host.hostname,source.ip',
    ]);

    writeFileSync(join(dir, 'broken.yml'), 'title: broken\ndetection: {}\n');
    await waitFor(() => refused.length > 0, { timeoutMs: 10_000, description: 'a refused reload' });
    expect(refused[0]?.errors).toBeGreaterThan(0);
  });
});
