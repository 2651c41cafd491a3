import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '@vigil/cli';
import { createEngine, type RuleSet } from '@vigil/rule-engine';
import { computeFamilies } from '../families/compute-families.js';
import { parseLines, REPO_ROOT } from '../testing/fixture-logs.js';
import { EventRouter } from './event-router.js';
import { readRoutableEvent } from './read-routable-event.js';
import { routingKey } from './routing-key.js';

let ruleSet: RuleSet;
let router: EventRouter;

beforeAll(async () => {
  ruleSet = (await loadRulePack([], REPO_ROOT)).result.ruleSet;
  router = new EventRouter(computeFamilies(ruleSet));
});

const [failure, cloudLogin, webHit] = parseLines([
  '2026-11-27T08:00:01.000000+00:00 bastion sshd[4001]: Failed password for invalid user admin from 203.0.113.9 port 40022 ssh2',
  JSON.stringify({
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      arn: 'arn:aws:iam::123456789012:user/deploy',
      accountId: '123456789012',
      userName: 'deploy',
    },
    eventTime: '2026-11-27T08:40:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.80',
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'No' },
    eventID: 'router-test-1',
    eventType: 'AwsConsoleSignIn',
  }),
  '10.0.0.57 - - [27/Nov/2026:08:00:01 +0000] "GET /static/app.js HTTP/1.1" 200 26483 "-" "curl/8.5.0"',
]);

describe('EventRouter', () => {
  it('sends one copy per family that needs the event, keyed by family and group values', () => {
    const routed = router.route(failure!, Date.parse(failure!['@timestamp']));
    // host_logs_silent (absence per host) watches every host event too.
    expect(routed.copies).toEqual([
      { family: 'host.hostname', key: routingKey('host.hostname', ['bastion']) },
      { family: 'source.ip', key: routingKey('source.ip', ['203.0.113.9']) },
      { family: 'user.name', key: routingKey('user.name', ['admin']) },
    ]);
    expect(routed.alerts).toEqual([]);
    expect(routed.errors).toEqual([]);
  });

  it('alerts for stateless signatures exactly as one engine does, and routes nothing for them', () => {
    const routed = router.route(cloudLogin!, Date.parse(cloudLogin!['@timestamp']));
    const engine = createEngine(ruleSet);
    const fromEngine = [...engine.push(cloudLogin), ...engine.flush()].flatMap((out) =>
      out.kind === 'alert' ? [out.alert] : [],
    );
    expect(fromEngine).toHaveLength(1);
    expect(routed.alerts).toEqual(fromEngine);
  });

  it('leaves an event no rule cares about alone', () => {
    expect(router.route(webHit!, Date.parse(webHit!['@timestamp']))).toEqual({
      copies: [],
      alerts: [],
      errors: [],
    });
  });
});

describe('readRoutableEvent', () => {
  it('refuses what the engine would refuse, with the reason', () => {
    expect(readRoutableEvent(null)).toBe('not an object');
    expect(readRoutableEvent({ event: { id: 'x', dataset: 'd' } })).toBe('missing @timestamp');
    expect(readRoutableEvent({ '@timestamp': 'soon', event: {} })).toContain('unparsable @timestamp');
    expect(readRoutableEvent({ '@timestamp': '2026-11-27T08:00:00Z', event: { dataset: 'd' } })).toBe(
      'missing event.id',
    );
    expect(readRoutableEvent({ '@timestamp': '2026-11-27T08:00:00Z', event: { id: 'x' } })).toBe(
      'missing event.dataset',
    );
    expect(
      readRoutableEvent({ '@timestamp': '2026-11-27T08:00:00Z', event: { id: 'x', dataset: 'd' } }),
    ).toMatchObject({
      ts: Date.UTC(2026, 10, 27, 8),
    });
  });
});
