/**
 * Alert → page dispatch latency: alerts (each a new incident) go through the engine (grouping,
 * routing, group flush with group_wait 0s, outbox, PagerDuty channel) to a real HTTP receiver on
 * loopback that validates each event. Measures from handleAlert() to the receiver holding the
 * request. State is in memory (the Redis/Elasticsearch adapters add their round trips on top),
 * and the service's tick interval (VIGIL_NOTIFIER_TICK_MS) adds up to one interval more.
 *   node --import tsx services/notifier/src/bench/alert-to-page.bench.ts [alerts=500]
 */
import { startPagerDutyReceiver } from '@vigil/channels/testing';
import { alertFixture } from '@vigil/incidents/testing';
import { engineHarness } from '../testing/engine-harness.js';

const COUNT = Number(process.argv[2] ?? 500);
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
const h = engineHarness(routing, {}, Date.now());
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
  const incidentId = (await h.state.entityIncidents('source.ip', String(alert.group['source.ip'])))[0];
  const t1 = incidentId === undefined ? undefined : arrived.get(incidentId);
  if (t1 === undefined) throw new Error(`alert ${n} was not paged`);
  latencies.push(t1 - t0);
}
const elapsed = performance.now() - started;
await receiver.close();
latencies.sort((a, b) => a - b);
const pct = (p: number): number =>
  Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2));
console.log(
  JSON.stringify({
    bench: 'notifier.alert_to_page',
    alerts: COUNT,
    p50_ms: pct(0.5),
    p90_ms: pct(0.9),
    p99_ms: pct(0.99),
    max_ms: pct(1),
    pages_per_second: Math.round((COUNT / elapsed) * 1000),
  }),
);
