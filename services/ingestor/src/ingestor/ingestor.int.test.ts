import { createLineParser } from '@vigil/parsers';
import { createAdmin, jsonMessage } from '@vigil/kafka';
import {
  collectTopic,
  createTestKafka,
  deleteTopics,
  produceMessages,
  testLogger,
} from '@vigil/kafka/testing';
import { generateMixedLog } from '@vigil/loggen';
import { eventSchema, type VigilEvent } from '@vigil/schema';
import { waitFor } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { allTopics, testConfig, testEnv } from '../testing/ingestor-test-kit.js';
import { createIngestor } from './create-ingestor.js';

const kafka = createTestKafka('ingestor-int');
const created: string[][] = [];

afterAll(async () => {
  for (const topics of created) await deleteTopics(kafka, topics);
});

describe('ingestor against the real broker', () => {
  it('turns raw lines from the three raw topics into keyed events, serves health and metrics, commits on stop', async () => {
    const config = testConfig(testEnv('ing-flow'));
    created.push(allTopics(config));
    const ingestor = createIngestor(config, { logger: testLogger('ingestor') });
    await ingestor.start();
    const port = ingestor.httpPort!;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await waitFor(() => ingestor.isReady(), { timeoutMs: 30_000, description: 'ingestor ready' });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    const lines = [...generateMixedLog({ lines: 300, seed: 11, attackShare: 0.2 })];
    const byRole = { host: [] as string[], network: [] as string[], admin: [] as string[] };
    for (const { stream, line } of lines) byRole[stream].push(line);
    // One envelope per shipper format, on top of the plain lines.
    const envelope =
      'Nov 27 08:00:01 bastion sshd[77]: Accepted password for ops from 10.0.0.77 port 5022 ssh2';
    byRole.host.push(
      JSON.stringify({
        line: envelope,
        host: 'ignored-when-the-line-names-one',
        received_at: '2026-11-27T08:00:02Z',
      }),
    );
    const filebeat = '10.0.0.66 - - [27/Nov/2026:08:00:00 +0000] "GET /x HTTP/1.1" 404 9 "-" "curl/8"';
    byRole.network.push(
      JSON.stringify({
        message: filebeat,
        host: { name: 'web-09' },
        log: { file: { path: '/var/log/nginx/access.log' } },
      }),
    );
    const { raw } = config.topics;
    await produceMessages(
      kafka,
      raw.host,
      byRole.host.map((line) => ({ value: line })),
    );
    await produceMessages(
      kafka,
      raw.network,
      byRole.network.map((line) => ({ value: line })),
    );
    await produceMessages(
      kafka,
      raw.admin,
      byRole.admin.map((line) => jsonMessage(JSON.parse(line))),
    );
    const total = lines.length + 2;

    const events = await collectTopic(kafka, config.topics.events);
    try {
      await waitFor(() => events.messages.length >= total, {
        timeoutMs: 60_000,
        description: `${total} events`,
      });
    } finally {
      await events.stop();
    }
    expect(events.messages).toHaveLength(total);
    const parsed = events.messages.map((m) => ({ ...m, event: JSON.parse(m.value) as VigilEvent }));
    for (const { event, key, headers } of parsed) {
      expect(eventSchema.safeParse(event).success).toBe(true);
      expect(headers['vigil-dataset']).toBe(event.event.dataset);
      expect(headers['vigil-schema-version']).toBe('1');
      expect(key).toBe(event.source?.ip ?? event.user?.name ?? event.host?.hostname ?? null);
      expect(allTopics(config)).toContain(event.vigil.origin?.topic);
    }
    const datasets = new Set(parsed.map((p) => p.event.event.dataset));
    const admin = byRole.admin.length > 0 ? ['aws.cloudtrail'] : [];
    expect(datasets).toEqual(new Set(['system.auth', 'nginx.access', 'iptables.log', ...admin]));
    const fromEnvelope = parsed.find((p) => p.event.event.original === envelope)!.event;
    expect(fromEnvelope).toMatchObject({
      host: { hostname: 'bastion' },
      user: { name: 'ops' },
      event: { outcome: 'success' },
    });
    const fromFilebeat = parsed.find((p) => p.event.event.original === filebeat)!.event;
    expect(fromFilebeat).toMatchObject({
      host: { hostname: 'web-09' },
      event: { dataset: 'nginx.access' },
      source: { ip: '10.0.0.66' },
    });
    // The ids are the parser's deterministic ids: the same line parsed anywhere gives the same id.
    const sshLine = byRole.host.find((l) => l.includes('sshd['))!;
    const offline = createLineParser().parse(sshLine);
    expect(offline.ok && parsed.some((p) => p.event.event.id === offline.events[0]?.event.id)).toBe(true);

    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(
        `vigil_ingestor_lines_in_total\\{topic="${raw.host.replaceAll('.', '\\.')}"\\} ${byRole.host.length}`,
      ),
    );
    expect(metrics).toContain('vigil_ingestor_events_out_total{dataset="system.auth"}');
    expect(metrics).toContain('vigil_ingestor_consumer_lag{');

    await ingestor.stop();
    await ingestor.done;
    const kafkaAdmin = createAdmin(kafka, { logger: testLogger('admin') });
    try {
      for (const topic of [raw.host, raw.network, raw.admin]) {
        const lag = await kafkaAdmin.consumerLag(config.groupId, topic);
        expect(lag.reduce((sum, p) => sum + p.lag, 0)).toBe(0);
      }
    } finally {
      await kafkaAdmin.disconnect();
    }
  });
});
