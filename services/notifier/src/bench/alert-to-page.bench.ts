/**
 * Alert → page dispatch latency: alerts (each a new incident) go through the engine (grouping,
 * routing, group flush with group_wait 0s, outbox, PagerDuty channel) to a real HTTP receiver on
 * loopback that validates each event. Measures from handleAlert() to the receiver holding the
 * request. State in memory, or with `stack` in the local Redis and Elasticsearch (as in
 * production); the service's tick interval (VIGIL_NOTIFIER_TICK_MS) adds up to one interval more.
 *   node --import tsx services/notifier/src/bench/alert-to-page.bench.ts [alerts=500] [memory|stack]
 */
import { startPagerDutyReceiver } from '@vigil/channels/testing';
import { alertFixture } from '@vigil/incidents/testing';
import { createIncidentStore, ensureIndexTemplates } from '@vigil/elastic';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { createTestRedis } from '@vigil/redis/testing';
import { ElasticIncidentStore } from '../adapters/elastic-incident-store.js';
import { RedisNotifierState } from '../adapters/redis-notifier-state.js';
import type { IncidentStore } from '../ports/incident-store.js';
import type { NotifierState } from '../ports/notifier-state.js';
import { engineHarness } from '../testing/engine-harness.js';

const COUNT = Number(process.argv[2] ?? 500);
const MODE = process.argv[3] === 'stack' ? 'stack' : 'memory';
const KEY = 'BENCHKEYBENCHKEYBENCHKEYBENCH001';
const arrived = new Map<string, number>();
const receiver = await startPagerDutyReceiver((request) => {
  const event = JSON.parse(request.body) as { dedup_key?: string };
  if (event.dedup_key !== undefined) arrived.set(event.dedup_key, performance.now());
  return undefined;
});
const routing = `
route:
  receiver: pd
  group_wait: 0s
receivers:
  - name: pd
    channels: [{ type: pagerduty, routing_key: '${KEY}', url: '${receiver.url}/v2/enqueue', rate_limit: { per_second: 100000, burst: 100000 } }]
`;
let stackStores: { store: IncidentStore; state: NotifierState; close: () => Promise<void> } | undefined;
if (MODE === 'stack') {
  const prefix = uniqueIndexPrefix();
  const client = createTestElastic();
  await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
  const redis = createTestRedis();
  await redis.waitUntilReady();
  stackStores = {
    store: new ElasticIncidentStore(createIncidentStore(client, { indexPrefix: prefix })),
    state: new RedisNotifierState(redis.client),
    close: async () => {
      await deleteTestIndices(client, prefix);
      await client.close();
      await redis.close();
    },
  };
}
const h = engineHarness(routing, {}, Date.now(), stackStores ?? {});
h.clock = Date.now();
const latencies: number[] = [];
const started = performance.now();
for (let n = 0; n < COUNT; n++) {
  const alert = alertFixture({
    n,
    group: { 'source.ip': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
  });
  const t0 = performance.now();
  await h.engine.handleAlert(alert);
  await h.engine.tick();
  const incidentId = (await h.deps.state.entityIncidents('source.ip', String(alert.group['source.ip'])))[0];
  const t1 = incidentId === undefined ? undefined : arrived.get(incidentId);
  if (t1 === undefined) throw new Error(`alert ${n} was not paged`);
  latencies.push(t1 - t0);
}
const elapsed = performance.now() - started;
await receiver.close();
await stackStores?.close();
latencies.sort((a, b) => a - b);
const pct = (p: number): number =>
  Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2));
console.log(
  JSON.stringify({
    bench: 'notifier.alert_to_page',
    state: MODE,
    alerts: COUNT,
    p50_ms: pct(0.5),
    p90_ms: pct(0.9),
    p99_ms: pct(0.99),
    max_ms: pct(1),
    pages_per_second: Math.round((COUNT / elapsed) * 1000),
  }),
);
