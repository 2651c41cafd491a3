import { describe, expect, it } from 'vitest';
import type { Labels } from '../labels/labels.js';
import { loadRouter } from '../testing/load-router.js';

const router = loadRouter(`
route:
  receiver: default
  group_wait: 10s
  routes:
    - name: pages
      matchers: ['level="critical"']
      receiver: pager
      escalation: secops
      continue: true
    - name: auth
      matchers: ['dataset="system.auth"']
      receiver: auth-team
      group_by: [entity]
      routes:
        - matchers: ['host_group="lab"']
          receiver: lab-team
          mute_time_intervals: [lab-nights]
    - name: network
      matchers: ['dataset=~"zeek\\\\..*"']
      receiver: network
      active_time_intervals: [office]
inhibit_rules:
  - source_matchers: ['level="critical"']
    target_matchers: ['level=~"low|medium"']
    equal: [host]
time_intervals:
  - name: lab-nights
    time_intervals: [{ times: [{ start_time: '00:00', end_time: '06:00' }] }]
  - name: office
    time_intervals: [{ weekdays: ['monday:friday'], times: [{ start_time: '09:00', end_time: '17:00' }] }]
host_groups:
  lab: ['lab-\\d+']
escalation_policies:
  - name: secops
    levels: [{ targets: [{ receiver: pager }], ack_timeout: 5m }]
receivers:
  - name: default
  - name: pager
  - name: auth-team
  - name: lab-team
  - name: network
`);

const receivers = (labels: Labels): string[] => router.match(labels).map((m) => m.receiver);

describe('Router', () => {
  it('falls back to the root route', () => {
    expect(receivers({ level: ['low'], dataset: ['apache.error'] })).toEqual(['default']);
  });

  it('stops at the first matching sibling unless it says continue', () => {
    expect(receivers({ level: ['critical'], dataset: ['system.auth'] })).toEqual(['pager', 'auth-team']);
    expect(receivers({ level: ['high'], dataset: ['system.auth'], host_group: [] })).toEqual(['auth-team']);
  });

  it('descends to the deepest match and inherits settings', () => {
    const [match] = router.match({ dataset: ['system.auth'], host_group: ['lab'] });
    expect(match).toMatchObject({
      routeId: 'route.routes[1].routes[0]',
      receiver: 'lab-team',
      groupBy: ['entity'],
      groupWaitMs: 10_000,
      muteTimeIntervals: ['lab-nights'],
    });
    expect(router.match({ level: ['critical'] })[0]).toMatchObject({
      routeName: 'pages',
      escalation: 'secops',
    });
  });

  it('mutes by mute and active time intervals', () => {
    const [lab] = router.match({ dataset: ['system.auth'], host_group: ['lab'] });
    expect(router.mutedBy(lab!, new Date('2026-03-03T03:00:00Z'))).toBe('lab-nights');
    expect(router.mutedBy(lab!, new Date('2026-03-03T12:00:00Z'))).toBeUndefined();
    const [net] = router.match({ dataset: ['zeek.conn'] });
    expect(router.mutedBy(net!, new Date('2026-03-03T12:00:00Z'))).toBeUndefined();
    expect(router.mutedBy(net!, new Date('2026-03-07T12:00:00Z'))).toBe('outside office');
  });

  it('inhibits a lesser incident on the same host while a critical one is active', () => {
    const warning = { incident: ['w'], level: ['medium'], host: ['web-1'] };
    const critical = { incident: ['c'], level: ['critical'], host: ['web-1'] };
    const otherHost = { incident: ['o'], level: ['critical'], host: ['web-2'] };
    expect(router.inhibitedBy(warning, [critical])).toBe(0);
    expect(router.inhibitedBy(warning, [otherHost])).toBeUndefined();
    expect(router.inhibitedBy(critical, [critical])).toBeUndefined();
  });

  it('keys groups by route, receiver and group_by values', () => {
    const [a] = router.match({ dataset: ['system.auth'], entity: ['1.2.3.4'], incident: ['x'] });
    const [b] = router.match({ dataset: ['system.auth'], entity: ['1.2.3.4'], incident: ['y'] });
    const key = (m: typeof a, labels: Labels) => router.groupKey(m!, labels);
    expect(key(a, { entity: ['1.2.3.4'], incident: ['x'] })).toBe(
      key(b, { entity: ['1.2.3.4'], incident: ['y'] }),
    );
    expect(key(a, { entity: ['1.2.3.4'] })).not.toBe(key(a, { entity: ['5.6.7.8'] }));
  });

  it('computes host groups with RE2 over the whole host name', () => {
    expect(router.hostGroups.groupsOf(['lab-12'])).toEqual(['lab']);
    expect(router.hostGroups.groupsOf(['prod-lab-12'])).toEqual([]);
  });
});
