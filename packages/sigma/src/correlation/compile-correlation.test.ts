import type { CompiledRule, EventCountRule, TemporalRule, ValueCountRule } from '@vigil/rule-engine';
import { describe, expect, it } from 'vitest';
import { compileTexts, makeEvent } from '../test-support/rule-fixtures.js';

// The specification's "Failed Logins Followed by Successful Login", on Linux sshd events.
const bruteForceChain = `title: Correlation - Multiple Failed Logins Followed by Successful Login
id: b180ead8-d58f-40b2-ae54-c8940995b9b6
correlation:
    type: temporal_ordered
    rules:
        - multiple_failed_login
        - successful_login
    group-by:
        - User
    timespan: 10m
level: high
---
title: Multiple failed logons
id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
name: multiple_failed_login
correlation:
    type: event_count
    rules:
        - failed_login
    group-by:
        - User
    timespan: 10m
    condition:
        gte: 10
---
title: Single failed login
id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
name: failed_login
logsource:
    product: linux
    service: sshd
detection:
    selection:
        event.outcome: failure
    condition: selection
---
title: Successful login
id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
name: successful_login
logsource:
    product: linux
    service: sshd
detection:
    selection:
        event.outcome: success
    condition: selection
`;

const byId = (rules: readonly CompiledRule[], id: string) => rules.find((rule) => rule.meta.id === id);

describe('correlation rules', () => {
  it('compiles a chained multi-document correlation, dependencies first', () => {
    const result = compileTexts(bruteForceChain);
    expect(result.errors).toEqual([]);
    const { rules } = result.ruleSet;
    expect(rules.map((rule) => [rule.type, rule.meta.id, rule.generate])).toEqual([
      ['signature', '53ba33fd-3a50-4468-a5ef-c583635cfa92', false],
      ['signature', '4d0a2c83-c62c-4ed4-b475-c7e23a9269b8', false],
      ['event_count', 'a8418a5a-5fc4-46b5-b23b-6c73beb19d41', false],
      ['temporal_ordered', 'b180ead8-d58f-40b2-ae54-c8940995b9b6', true],
    ]);
    const count = byId(rules, 'a8418a5a-5fc4-46b5-b23b-6c73beb19d41') as EventCountRule;
    expect(count.rules).toEqual(['53ba33fd-3a50-4468-a5ef-c583635cfa92']);
    expect(count.condition).toEqual({ gte: 10 });
    expect(count.timespanMs).toBe(600_000);
    expect(count.groupBy.names).toEqual(['user.name']);
    expect(count.groupBy.valuesOf(count.rules[0] ?? '', makeEvent({ user: { name: 'alice' } }))).toEqual([
      'alice',
    ]);
    expect(count.groupBy.valuesOf(count.rules[0] ?? '', makeEvent({}))).toEqual([null]);
    const ordered = byId(rules, 'b180ead8-d58f-40b2-ae54-c8940995b9b6') as TemporalRule;
    expect(ordered.rules).toEqual([
      'a8418a5a-5fc4-46b5-b23b-6c73beb19d41',
      '4d0a2c83-c62c-4ed4-b475-c7e23a9269b8',
    ]);
    expect(ordered.condition).toBeUndefined();
    expect(ordered.meta.level).toBe('high');
  });

  it('lets generate: true keep the referenced rules alerting', () => {
    const result = compileTexts(
      bruteForceChain.replace(
        '    timespan: 10m\nlevel: high',
        '    timespan: 10m\n    generate: true\nlevel: high',
      ),
    );
    const generates = Object.fromEntries(
      result.ruleSet.rules.map((rule) => [rule.meta.title, rule.generate]),
    );
    expect(generates).toMatchObject({
      'Multiple failed logons': true,
      'Successful login': true,
      'Single failed login': false,
    });
  });

  it('resolves aliases per rule (the specification example)', () => {
    const text = `title: Internal error then connection
id: 11111111-0000-0000-0000-000000000001
level: high
correlation:
    type: temporal
    rules:
        - internal_error
        - new_network_connection
    group-by:
        - internal_ip
        - remote_ip
    timespan: 10s
    aliases:
        internal_ip:
            internal_error: destination.ip
            new_network_connection: source.ip
        remote_ip:
            internal_error: source.ip
            new_network_connection: destination.ip
---
title: internal error
name: internal_error
logsource:
    category: webserver
detection:
    selection:
        http.response.status_code: 500
    condition: selection
---
title: new connection
name: new_network_connection
logsource:
    product: zeek
    service: conn
detection:
    selection:
        event.outcome: success
    condition: selection
`;
    const result = compileTexts(text);
    expect(result.errors).toEqual([]);
    const temporal = result.ruleSet.rules.find((rule) => rule.type === 'temporal') as TemporalRule;
    expect(temporal.groupBy.names).toEqual(['internal_ip', 'remote_ip']);
    // Rules without an id are referred to by name.
    expect(temporal.rules).toEqual(['internal_error', 'new_network_connection']);
    const event = makeEvent({ source: { ip: '10.0.0.1' }, destination: { ip: '10.0.0.2' } });
    expect(temporal.groupBy.valuesOf('internal_error', event)).toEqual(['10.0.0.2', '10.0.0.1']);
    expect(temporal.groupBy.valuesOf('new_network_connection', event)).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('compiles value_count with its field, mapped for the referenced rule', () => {
    const text = `title: Password spraying
id: 22222222-0000-0000-0000-000000000001
level: high
correlation:
    type: value_count
    rules: [ssh_failure]
    group-by: [src_ip]
    timespan: 1h
    condition:
        field: User
        gte: 20
---
title: ssh failure
name: ssh_failure
logsource: {product: linux, service: sshd}
detection:
    selection: {event.outcome: failure}
    condition: selection
`;
    const rule = compileTexts(text).ruleSet.rules.find(
      (candidate) => candidate.type === 'value_count',
    ) as ValueCountRule;
    expect(rule.field).toBe('user.name');
    expect(rule.condition).toEqual({ gte: 20 });
    expect(rule.groupBy.names).toEqual(['source.ip']);
    expect(rule.valueOf('ssh_failure', makeEvent({ user: { name: 'bob' } }))).toBe('bob');
  });

  it('reports reference, type, timespan and condition errors with lines', () => {
    const text = `title: Broken correlation
id: 33333333-0000-0000-0000-000000000001
correlation:
    type: event_count
    rules:
        - no_such_rule
    group-by: [User]
    timespan: 1w
    condition:
        neq: 3
---
title: Metric
id: 33333333-0000-0000-0000-000000000002
correlation:
    type: value_sum
    rules: [x]
    group-by: [User]
    timespan: 1h
    condition: {field: bytes, gt: 10}
`;
    const result = compileTexts(text);
    expect(result.errors.map((error) => `${error.line} ${error.code}`)).toEqual([
      '6 unknown_rule_reference',
      '8 invalid_timespan',
      '10 unsupported_correlation',
      '15 unsupported_correlation',
    ]);
  });

  it('detects reference cycles and rules that failed to compile', () => {
    const text = `title: A
id: a
correlation: {type: event_count, rules: [b], group-by: [User], timespan: 1m, condition: {gte: 2}}
---
title: B
id: b
correlation: {type: event_count, rules: [a], group-by: [User], timespan: 1m, condition: {gte: 2}}
---
title: C
id: c
correlation: {type: event_count, rules: [broken], group-by: [User], timespan: 1m, condition: {gte: 2}}
---
title: Broken
id: broken
logsource: {product: linux}
detection: {selection: {NoSuchField: x}, condition: selection}
`;
    const result = compileTexts(text);
    expect(result.ruleSet.rules).toEqual([]);
    expect(result.errors.map((error) => `${error.rule ?? ''} ${error.code}`).sort()).toEqual([
      'a referenced_rule_failed',
      'b reference_cycle',
      'b referenced_rule_failed',
      'broken unsupported_field',
      'c referenced_rule_failed',
    ]);
  });

  it('converts a legacy count() aggregation into a correlation over a hidden rule', () => {
    const text = `title: Many denied connections from one source
id: 44444444-0000-0000-0000-000000000001
level: medium
logsource: {category: firewall}
detection:
    selection: {action: drop}
    timeframe: 24h
    condition: selection | count(dst_ip) by src_ip > 10
`;
    const result = compileTexts(text);
    expect(result.errors).toEqual([]);
    expect(result.ruleSet.rules.map((rule) => [rule.type, rule.meta.id, rule.generate])).toEqual([
      ['signature', '44444444-0000-0000-0000-000000000001:events', false],
      ['value_count', '44444444-0000-0000-0000-000000000001', true],
    ]);
    const rule = result.ruleSet.rules[1] as ValueCountRule;
    expect(rule).toMatchObject({ field: 'destination.ip', condition: { gt: 10 }, timespanMs: 86_400_000 });
    expect(rule.groupBy.names).toEqual(['source.ip']);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['legacy_aggregation']);
  });
});
