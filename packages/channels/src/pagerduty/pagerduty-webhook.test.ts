import { createHmac } from 'node:crypto';
import { reduceIncident } from '@vigil/incidents';
import { describe, expect, it } from 'vitest';
import { notificationFixture } from '../testing/notification-fixture.js';
import { parsePagerDutyWebhook, verifyPagerDutySignature } from './pagerduty-webhook.js';

const SECRET = 'pd-webhook-signing-secret';
const sign = (body: string, secret = SECRET): string =>
  `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

function v3Event(eventType: string, incidentKey: string | null): string {
  return JSON.stringify({
    event: {
      id: '01DEN3Y1ROGFQS3RKCH8S1MTAK',
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: '2026-03-01T10:10:00.000Z',
      agent: { id: 'PXPGF42', summary: 'Alice Analyst', type: 'user_reference' },
      client: null,
      data: {
        id: 'PT4KHLK',
        type: 'incident',
        number: 7,
        status: 'acknowledged',
        incident_key: incidentKey,
        title: 'x',
      },
    },
  });
}

describe('PagerDuty v3 webhook', () => {
  it('round trip: our page acknowledged in PagerDuty acknowledges the incident', () => {
    const incident = notificationFixture().incidents[0]!;
    const body = v3Event('incident.acknowledged', incident.id);
    const result = parsePagerDutyWebhook(body, sign(body), [SECRET]);
    expect(result).toEqual({
      ok: true,
      eventId: '01DEN3Y1ROGFQS3RKCH8S1MTAK',
      eventType: 'incident.acknowledged',
      incidentId: incident.id,
      command: {
        type: 'acknowledge',
        actor: 'pagerduty:Alice Analyst',
        note: 'via PagerDuty (01DEN3Y1ROGFQS3RKCH8S1MTAK)',
      },
    });
    if (!result.ok || result.command === undefined) throw new Error('no command');
    const acked = reduceIncident(incident, result.command, new Date('2026-03-01T10:10:00Z'));
    expect(acked).toMatchObject({ ok: true, incident: { state: 'acknowledged' } });
    const resolvedBody = v3Event('incident.resolved', incident.id);
    expect(parsePagerDutyWebhook(Buffer.from(resolvedBody), sign(resolvedBody), [SECRET])).toMatchObject({
      command: { type: 'resolve' },
    });
  });

  it('rejects a bad or missing signature with 401', () => {
    const body = v3Event('incident.acknowledged', 'a'.repeat(32));
    expect(parsePagerDutyWebhook(body, sign(body, 'wrong'), [SECRET])).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(parsePagerDutyWebhook(body, undefined, [SECRET])).toMatchObject({ ok: false, status: 401 });
    expect(parsePagerDutyWebhook(`${body} `, sign(body), [SECRET])).toMatchObject({ ok: false, status: 401 });
  });

  it('accepts any of several signatures and secrets (rotation)', () => {
    const body = v3Event('incident.resolved', 'b'.repeat(32));
    expect(verifyPagerDutySignature(body, `${sign(body, 'old')}, ${sign(body, 'new')}`, ['new'])).toBe(true);
    expect(verifyPagerDutySignature(body, sign(body, 'old'), ['new', 'old'])).toBe(true);
    expect(verifyPagerDutySignature(body, 'v0=abc', ['new'])).toBe(false);
  });

  it('ignores events that need nothing and keys that are not ours', () => {
    const triggered = v3Event('incident.triggered', 'c'.repeat(32));
    expect(parsePagerDutyWebhook(triggered, sign(triggered), [SECRET])).toMatchObject({
      ok: true,
      ignored: expect.any(String),
    });
    const foreign = v3Event('incident.acknowledged', 'srv01/HTTP');
    const result = parsePagerDutyWebhook(foreign, sign(foreign), [SECRET]);
    expect(result).toMatchObject({ ok: true, ignored: 'incident_key is not a Vigil incident id' });
    const bad = '{"nope":1}';
    expect(parsePagerDutyWebhook(bad, sign(bad), [SECRET])).toMatchObject({ ok: false, status: 400 });
  });
});
