import { createHmac } from 'node:crypto';
import { parsePagerDutyWebhook } from '@vigil/channels';
import { startPagerDutyReceiver, type HttpReceiver } from '@vigil/channels/testing';
import { alertFixture, minutesAfter } from '@vigil/incidents/testing';
import { reduceIncident } from '@vigil/incidents';
import { incidentSchema } from '@vigil/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineHarness, type Harness } from '../testing/engine-harness.js';

const KEY_TEAM = 'TEAMKEYTEAMKEYTEAMKEYTEAMKEY0001';
const KEY_ALICE = 'ALICEKEYALICEKEYALICEKEYALICE001';
const KEY_BOB = 'BOBKEYBOBKEYBOBKEYBOBKEYBOBKEY01';
const T0 = '2026-03-02T10:00:00.000Z';

const ROUTING = `
route:
  receiver: team
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
  routes:
    - matchers: ['level="critical"']
      receiver: team
      escalation: secops
inhibit_rules:
  - source_matchers: ['level="critical"']
    target_matchers: ['level=~"low|medium"']
    equal: [host]
escalation_policies:
  - name: secops
    levels:
      - { targets: [{ oncall: primary }], ack_timeout: 15m }
      - { targets: [{ receiver: bob-pager }], ack_timeout: 15m }
rotations:
  - { name: primary, start: '2026-03-02T08:00:00Z', users: [alice] }
people:
  - { name: alice, receiver: alice-pager }
receivers:
  - name: team
    channels: [{ type: pagerduty, routing_key: '\${KEY_TEAM}', url: '\${PD_URL}', retry: { retries: 1, initial_delay_ms: 1 } }]
  - name: alice-pager
    channels: [{ type: pagerduty, routing_key: '\${KEY_ALICE}', url: '\${PD_URL}', retry: { retries: 1, initial_delay_ms: 1 } }]
  - name: bob-pager
    channels: [{ type: pagerduty, routing_key: '\${KEY_BOB}', url: '\${PD_URL}', retry: { retries: 1, initial_delay_ms: 1 } }]
`;

let pd: HttpReceiver;
let h: Harness;
let down = false;

interface Sent {
  routing_key: string;
  event_action: string;
  dedup_key: string;
}
const sent = (): Sent[] => pd.accepted().map((r) => JSON.parse(r.body) as Sent);
const byKey = (key: string): string[] =>
  sent()
    .filter((e) => e.routing_key === key)
    .map((e) => e.event_action);

beforeEach(async () => {
  down = false;
  pd = await startPagerDutyReceiver(() => (down ? { status: 503, body: 'down' } : undefined));
  h = engineHarness(
    ROUTING,
    { KEY_TEAM, KEY_ALICE, KEY_BOB, PD_URL: `${pd.url}/v2/enqueue` },
    Date.parse(T0),
  );
});

afterEach(async () => {
  await pd.close();
});

describe('NotifierEngine', () => {
  it('turns 10 alerts on one entity into 1 incident and 1 page', async () => {
    for (let n = 0; n < 10; n++) {
      await h.engine.handleAlert(alertFixture({ n, at: minutesAfter(T0, n / 10) }));
      await h.advance(1_000);
    }
    await h.advance(30_000);
    await h.advance(600_000);
    expect(h.store.incidents.size).toBe(1);
    const incident = [...h.store.incidents.values()][0]!;
    expect(incidentSchema.parse(incident).alert_ids).toHaveLength(10);
    expect(sent()).toEqual([
      expect.objectContaining({ routing_key: KEY_TEAM, event_action: 'trigger', dedup_key: incident.id }),
    ]);
    expect(h.publisher.published.map((i) => i.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(h.log.filter((e) => e.outcome === 'delivered')).toHaveLength(1);
  });

  it('does not page a silenced incident, and pages it once the silence ends', async () => {
    h.state.silenceList = [
      {
        id: 's1',
        matchers: ['entity="203.0.113.7"'],
        starts_at: T0,
        ends_at: minutesAfter(T0, 10),
        created_by: 'alice',
        comment: 'pen test',
      },
    ];
    await h.engine.handleAlert(alertFixture({ n: 1, at: T0 }));
    await h.advance(30_000);
    expect(pd.requests).toHaveLength(0);
    for (let i = 0; i < 3; i++) await h.advance(300_000);
    expect(byKey(KEY_TEAM)).toEqual(['trigger']);
  });

  it('inhibits a medium incident on a host while a critical one is live there', async () => {
    const host = { 'host.hostname': 'web-1' };
    await h.engine.handleAlert(
      alertFixture({ n: 1, level: 'critical', ruleId: 'rootkit', group: { ...host, 'user.name': 'root' } }),
    );
    await h.engine.handleAlert(
      alertFixture({
        n: 2,
        level: 'medium',
        ruleId: 'port-scan',
        group: { ...host, 'source.ip': '198.51.100.9' },
      }),
    );
    await h.advance(30_000);
    const triggered = sent().filter((e) => e.routing_key === KEY_TEAM);
    expect(triggered).toHaveLength(1);
    const critical = [...h.store.incidents.values()].find((i) => i.level === 'critical')!;
    expect(triggered[0]!.dedup_key).toBe(critical.id);
  });

  it('escalates after the ack timeout, and acknowledging stops it', async () => {
    await h.engine.handleAlert(alertFixture({ n: 1, level: 'critical' }));
    await h.advance(30_000);
    expect(byKey(KEY_ALICE)).toEqual(['trigger']);
    await h.advance(14 * 60_000);
    expect(byKey(KEY_BOB)).toEqual([]);
    await h.advance(60_000);
    expect(byKey(KEY_BOB)).toEqual(['trigger']);
    const incident = [...h.store.incidents.values()][0]!;
    expect(incident.timeline.filter((e) => e.action === 'escalated').map((e) => e.to)).toEqual(['0', '1']);

    const outcome = await h.engine.applyCommand(incident.id, { type: 'acknowledge', actor: 'bob' });
    expect(outcome.kind).toBe('saved');
    await h.advance(1_000);
    await h.advance(600_000);
    await h.advance(3_600_000);
    expect(byKey(KEY_ALICE)).toEqual(['trigger', 'acknowledge']);
    expect(byKey(KEY_BOB)).toEqual(['trigger', 'acknowledge']);
    expect(byKey(KEY_TEAM)).toEqual(['trigger', 'acknowledge']);
    expect(h.state.escalations.get(incident.id)?.stopped).toBe('acknowledged');
  });

  it('acknowledges from a signed PagerDuty webhook (round trip)', async () => {
    await h.engine.handleAlert(alertFixture({ n: 1, level: 'critical' }));
    await h.advance(30_000);
    const dedupKey = sent()[0]!.dedup_key;
    const body = JSON.stringify({
      event: {
        id: 'EV1',
        event_type: 'incident.acknowledged',
        resource_type: 'incident',
        occurred_at: T0,
        agent: { summary: 'Alice' },
        data: { id: 'P1', incident_key: dedupKey },
      },
    });
    const signature = `v1=${createHmac('sha256', 'whsec').update(body).digest('hex')}`;
    const parsed = parsePagerDutyWebhook(body, signature, ['whsec']);
    if (!parsed.ok || parsed.command === undefined || parsed.incidentId === undefined)
      throw new Error('webhook not accepted');
    await h.engine.applyCommand(parsed.incidentId, parsed.command);
    await h.advance(16 * 60_000);
    expect(byKey(KEY_BOB)).toEqual([]);
    expect(h.store.incidents.get(dedupKey)).toMatchObject({
      state: 'acknowledged',
      timeline: expect.arrayContaining([expect.objectContaining({ actor: 'pagerduty:Alice' })]),
    });
  });

  it('never pages twice across a restart, even when alerts are consumed again', async () => {
    const alerts = Array.from({ length: 5 }, (_, n) =>
      alertFixture({ n, level: 'critical', at: minutesAfter(T0, n) }),
    );
    for (const alert of alerts) await h.engine.handleAlert(alert);
    await h.advance(30_000);
    const before = sent().length;
    h.restart();
    for (const alert of alerts) expect(await h.engine.handleAlert(alert)).toBe('duplicate');
    await h.advance(30_000);
    await h.advance(300_000);
    expect(sent()).toHaveLength(before);
    expect(h.store.incidents.size).toBe(1);
  });

  it('keeps an undelivered page in the outbox and delivers it exactly once when PagerDuty is back', async () => {
    down = true;
    await h.engine.handleAlert(alertFixture({ n: 1 }));
    await h.advance(30_000);
    expect(pd.requests.length).toBeGreaterThan(0);
    expect(sent()).toHaveLength(0);
    expect(h.state.outbox.size).toBe(1);
    h.restart();
    down = false;
    await h.advance(60_000);
    await h.advance(600_000);
    expect(byKey(KEY_TEAM)).toEqual(['trigger']);
    expect(h.state.outbox.size).toBe(0);
  });

  it('follows an acknowledgement made elsewhere (the API) and published on vigil.incidents', async () => {
    await h.engine.handleAlert(alertFixture({ n: 1, level: 'critical' }));
    await h.advance(30_000);
    const incident = [...h.store.incidents.values()][0]!;
    const result = reduceIncident(incident, { type: 'acknowledge', actor: 'carol' }, new Date(h.clock));
    if (!result.ok) throw new Error(result.error.message);
    await h.engine.handleIncidentChange(result.incident);
    await h.engine.handleIncidentChange(result.incident);
    await h.engine.handleIncidentChange(incident);
    await h.advance(20 * 60_000);
    expect(byKey(KEY_BOB)).toEqual([]);
    expect(byKey(KEY_ALICE)).toEqual(['trigger', 'acknowledge']);
    expect(byKey(KEY_TEAM)).toEqual(['trigger', 'acknowledge']);
    expect(h.store.incidents.get(incident.id)?.state).toBe('acknowledged');
  });

  it('refuses invalid transitions without side effects', async () => {
    await h.engine.handleAlert(alertFixture({ n: 1 }));
    const id = [...h.store.incidents.keys()][0]!;
    await h.engine.applyCommand(id, { type: 'resolve', actor: 'a' });
    const outcome = await h.engine.applyCommand(id, { type: 'acknowledge', actor: 'a' });
    expect(outcome).toMatchObject({ kind: 'refused', result: { error: { status: 409 } } });
    expect(await h.engine.applyCommand('f'.repeat(32), { type: 'acknowledge', actor: 'a' })).toEqual({
      kind: 'missing',
    });
  });
});
