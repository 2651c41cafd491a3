import { openIncident } from '@vigil/incidents';
import { alertFixture } from '@vigil/incidents/testing';
import { describe, expect, it } from 'vitest';
import { compileHostGroups } from './host-groups.js';
import { alertHosts, incidentLabels, mergeContext } from './incident-labels.js';

describe('incidentLabels', () => {
  it('exposes level, rules, tags, entity, hosts and host groups', () => {
    const alert = alertFixture({ group: { 'host.hostname': 'lab-3' } });
    const incident = openIncident(
      alert,
      { field: 'host.hostname', value: 'lab-3' },
      new Date('2026-03-01T10:00:00Z'),
    );
    const groups = compileHostGroups({ lab: ['lab-\\d+'], dmz: ['web-\\d+'] });
    if (!groups.ok) throw new Error('bad groups');
    const context = mergeContext(
      { datasets: ['system.auth'] },
      { datasets: ['system.auth', 'sudo'], hosts: alertHosts(alert.group) },
    );
    expect(incidentLabels(incident, context, groups.groups)).toEqual({
      level: ['high'],
      severity: ['73'],
      state: ['open'],
      rule_id: ['ssh-brute-force'],
      tag: ['attack.credential_access', 'attack.t1110'],
      dataset: ['sudo', 'system.auth'],
      entity: ['lab-3'],
      entity_field: ['host.hostname'],
      host: ['lab-3'],
      host_group: ['lab'],
      incident: [incident.id],
    });
  });

  it('follows a severity override', () => {
    const incident = {
      ...openIncident(alertFixture(), { field: 'source.ip', value: 'x' }, new Date()),
      severity_override: 99,
    };
    expect(incidentLabels(incident).level).toEqual(['critical']);
  });
});
