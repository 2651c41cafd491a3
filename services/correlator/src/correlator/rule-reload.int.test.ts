import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka } from '@vigil/kafka';
import {
  collectTopic,
  createTestKafka,
  createTopics,
  deleteTopics,
  testLogger,
  type TopicCollector,
} from '@vigil/kafka/testing';
import { isoSyslog, ufwLine } from '@vigil/loggen';
import { waitFor } from '@vigil/testing';
import { loadCorrelatorConfig } from '../config/load-correlator-config.js';
import { correlatorTestEnv, produceEvents } from '../testing/correlator-test-kit.js';
import { parseLines, REPO_ROOT } from '../testing/fixture-logs.js';
import { createCorrelator, type Correlator } from './create-correlator.js';

let kafka: Kafka;
let correlator: Correlator | undefined;
let alerts: TopicCollector | undefined;
let topics: string[] = [];

beforeAll(() => {
  kafka = createTestKafka();
});

afterAll(async () => {
  await correlator?.stop();
  await alerts?.stop();
  await deleteTopics(kafka, topics);
});

const start = Date.UTC(2026, 10, 27, 9);
/** Failed SSH logins from one source, two seconds apart, from `from` on. */
const failures = (from: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) =>
    isoSyslog(
      start + (from + i) * 2_000,
      'bastion',
      'sshd',
      5000 + from + i,
      `Failed password for root from 198.51.100.7 port ${41000 + from + i} ssh2`,
    ),
  );
/** One source knocking on 25 ports within a minute, after the failures. */
const scan = Array.from({ length: 25 }, (_, i) =>
  ufwLine(
    start + 40_000 + i * 1_000,
    'fw-01',
    'BLOCK',
    '203.0.113.66',
    '10.0.0.10',
    'TCP',
    50000 + i,
    1000 + i,
  ),
);
const titles = (collector: TopicCollector): string[] =>
  collector.values.map((value) => (JSON.parse(value) as { rule: { title: string } }).rule.title).sort();

describe('rule reload (Kafka, Redis)', () => {
  it('picks up a new rule file without a restart and keeps the counts of unchanged rules', async () => {
    const rules = mkdtempSync(join(tmpdir(), 'vigil-reload-'));
    copyFileSync(join(REPO_ROOT, 'rules/host/ssh/ssh_auth.yml'), join(rules, 'ssh_auth.yml'));
    copyFileSync(join(REPO_ROOT, 'rules/host/ssh/mr_ssh_brute_force.yml'), join(rules, 'brute_force.yml'));
    const config = loadCorrelatorConfig(
      correlatorTestEnv('reload', { VIGIL_CORRELATOR_RULES: rules, VIGIL_CORRELATOR_WATCH_RULES: 'true' }),
      REPO_ROOT,
    );
    topics = Object.values(config.topics);
    await createTopics(kafka, topics, 6);
    alerts = await collectTopic(kafka, config.topics.alerts);
    correlator = createCorrelator(config, { logger: testLogger('correlator') });
    await correlator.start();
    const running = correlator;

    // Six failures: below the brute-force threshold (ten).
    await produceEvents(kafka, config.topics.events, parseLines(failures(0, 6)));
    await waitFor(async () => /events_applied_total 6\b/.test(await running.metrics.exposition()), {
      description: 'six failures applied',
    });

    copyFileSync(join(REPO_ROOT, 'rules/network/port_scan.yml'), join(rules, 'port_scan.yml'));
    await waitFor(
      async () => /rule_reloads_total\{result="applied"\} 1/.test(await running.metrics.exposition()),
      {
        description: 'the reload',
      },
    );
    expect(running.health()['families']).toEqual(['source.ip']);

    // Four more failures make ten with the six from before the reload; the new rule sees the scan.
    await produceEvents(kafka, config.topics.events, parseLines([...failures(6, 4), ...scan]));
    await waitFor(() => alerts!.values.length >= 2, { timeoutMs: 60_000, description: 'two alerts' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(titles(alerts)).toEqual(['Port scan from one source', 'SSH brute force from one source']);
  });
});
