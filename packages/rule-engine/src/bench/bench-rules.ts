import type { VigilEvent } from '@vigil/schema';
import type {
  CompiledRule,
  DetectionRule,
  EventPredicate,
  GroupBy,
  GroupValue,
} from '../model/compiled-rule.js';
import { field, meta } from '../test-support/rules.js';

/**
 * About 20 rules of every type, shaped like the shipped Sigma rules (and with predicates as plain
 * closures, as @vigil/sigma compiles them), over a generated mix of sshd, zeek and nginx events.
 */
export const T_START = Date.parse('2026-03-01T00:00:00.000Z');

function by(...paths: string[]): GroupBy {
  const getters = paths.map(field);
  return { names: paths, valuesOf: (_id, e) => getters.map((g) => g(e)) };
}

function det(
  id: string,
  datasets: string[],
  match: EventPredicate,
  extra: Partial<DetectionRule> = {},
): DetectionRule {
  return { type: 'signature', meta: meta(id), datasets, match, generate: false, ...extra };
}

const auth = ['system.auth'];
const conn = ['zeek.conn'];
const web = ['nginx.access'];
const failed: EventPredicate = (e) => e.event.outcome === 'failure';
const succeeded: EventPredicate = (e) => e.event.outcome === 'success';

export function benchRules(): CompiledRule[] {
  const span = (minutes: number): number => minutes * 60_000;
  const corr = { generate: true, groupBy: by('source.ip') };
  return [
    det('ssh-failure', auth, failed),
    det('ssh-success', auth, succeeded),
    det('ssh-root-success', auth, (e) => succeeded(e) && e.user?.name === 'root', {
      generate: true,
      suppress: { groupBy: by('host.hostname'), windowMs: span(10) },
    }),
    det('ssh-invalid-user', auth, (e) => e.event.action === 'invalid_user', {
      generate: true,
      suppress: { groupBy: by('source.ip'), windowMs: span(10) },
    }),
    det('conn-any', conn, () => true),
    det('conn-rejected', conn, (e) => e.event.outcome === 'failure'),
    det('conn-smb', conn, (e) => e.destination?.port === 445, {
      generate: true,
      suppress: { groupBy: by('source.ip'), windowMs: span(5) },
    }),
    det('web-4xx', web, (e) => (e.http?.response?.status_code ?? 0) >= 400),
    det('web-admin', web, (e) => e.url?.path?.startsWith('/admin') === true, { generate: true }),
    { ...base('brute-force', 'event_count', ['ssh-failure'], span(5), corr), condition: { gte: 10 } },
    { ...base('rejected-burst', 'event_count', ['conn-rejected'], span(1), corr), condition: { gte: 20 } },
    { ...base('web-scan', 'event_count', ['web-4xx'], span(5), corr), condition: { gte: 30 } },
    {
      ...valueCount('password-spray', ['ssh-failure'], 'user.name', span(10), by('source.ip')),
      condition: { gte: 8 },
    },
    {
      ...valueCount('distributed-guess', ['ssh-failure'], 'source.ip', span(10), by('user.name')),
      condition: { gte: 15 },
    },
    {
      ...valueCount('port-scan', ['conn-any'], 'destination.port', span(1), by('source.ip')),
      condition: { gte: 20 },
    },
    {
      ...base(
        'success-after-brute-force',
        'temporal_ordered',
        ['brute-force', 'ssh-success'],
        span(10),
        corr,
      ),
    },
    { ...base('invalid-and-success', 'temporal', ['ssh-invalid-user', 'ssh-success'], span(1), corr) },
    {
      type: 'absence',
      meta: meta('host-silent'),
      datasets: auth,
      match: () => true,
      groupBy: by('host.hostname'),
      timespanMs: span(10),
      generate: true,
    },
    newTerms('new-login-source', ['source.ip'], by('user.name')),
    newTerms('new-web-agent', ['user_agent.original'], by('source.ip'), web),
  ];
}

function base<T extends 'event_count' | 'temporal' | 'temporal_ordered'>(
  id: string,
  type: T,
  rules: string[],
  timespanMs: number,
  extra: { generate: boolean; groupBy: GroupBy },
) {
  return { type, meta: meta(id), rules, timespanMs, ...extra };
}

function valueCount(id: string, rules: string[], path: string, timespanMs: number, groupBy: GroupBy) {
  const get = field(path);
  return {
    type: 'value_count' as const,
    meta: meta(id),
    rules,
    timespanMs,
    generate: true,
    groupBy,
    field: path,
    valueOf: (_id: string, e: VigilEvent): GroupValue => get(e),
  };
}

function newTerms(id: string, fields: string[], groupBy: GroupBy, datasets = auth): CompiledRule {
  const getters = fields.map(field);
  return {
    type: 'new_terms',
    meta: meta(id),
    datasets,
    match: datasets === auth ? succeeded : () => true,
    groupBy,
    fields,
    valuesOf: (e) => getters.map((g) => g(e)),
    historyMs: 86_400_000,
    generate: true,
  };
}

/** A deterministic generator of realistic-ish events (xorshift, no Math.random). */
export function* generateEvents(count: number, seed = 42): Generator<VigilEvent> {
  let s = seed >>> 0 || 1;
  const rand = (n: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
  for (let i = 0; i < count; i++) {
    // ~280 events per second of event time, with up to 2 s of disorder.
    const ts = T_START + Math.floor(i * 3.6) - rand(2_000);
    const kind = rand(10);
    const ip = `10.${rand(4)}.${rand(40)}.${rand(250)}`;
    const host = `host-${rand(50)}`;
    const id = (i * 2654435761).toString(16).padStart(16, '0').slice(-16);
    const common = {
      '@timestamp': new Date(ts).toISOString(),
      vigil: { schema_version: 1 as const },
      host: { hostname: host },
    };
    if (kind < 6) {
      const outcome = rand(10) < 5 ? 'failure' : 'success';
      yield {
        ...common,
        event: {
          id,
          kind: 'event',
          category: ['authentication'],
          type: ['start'],
          dataset: 'system.auth',
          original: '',
          outcome,
          action: rand(500) === 0 ? 'invalid_user' : 'password',
        },
        source: { ip },
        user: { name: `user${rand(5_000)}` },
      };
    } else if (kind < 9) {
      yield {
        ...common,
        event: {
          id,
          kind: 'event',
          category: ['network'],
          type: ['connection'],
          dataset: 'zeek.conn',
          original: '',
          outcome: rand(4) === 0 ? 'failure' : 'success',
        },
        source: { ip },
        destination: {
          ip: `192.168.0.${rand(20)}`,
          port: rand(200) === 0 ? 445 : ([22, 80, 443, 3389, 8080][rand(5)] ?? 80),
        },
      };
    } else {
      yield {
        ...common,
        event: {
          id,
          kind: 'event',
          category: ['web'],
          type: ['access'],
          dataset: 'nginx.access',
          original: '',
        },
        source: { ip },
        http: { response: { status_code: [200, 200, 301, 404, 403][rand(5)] ?? 200 } },
        url: { path: rand(500) === 0 ? '/admin/login' : `/page/${rand(100)}` },
        user_agent: { original: `agent-${rand(30)}` },
      };
    }
  }
}
