import { sha256Id } from '@vigil/core';
import type { PathIssue } from '../config/check-references.js';
import type {
  EscalationPolicy,
  RouteSpec,
  RoutingConfig,
  Rotation,
  TimeIntervalSpec,
} from '../config/routing-config.schema.js';
import { compileHostGroups, type HostGroups } from '../labels/host-groups.js';
import { labelValues, type Labels } from '../labels/labels.js';
import { matchesAll, parseMatcher, type Matcher } from '../matcher/matcher.js';
import { inTimeInterval, timeRangeErrors } from '../time-interval/time-interval.js';

export const ROUTE_DEFAULTS = {
  groupBy: ['incident'],
  groupWaitMs: 30_000,
  groupIntervalMs: 300_000,
  repeatIntervalMs: 4 * 3_600_000,
} as const;

/** The effective settings of one matching route (inherited down the tree, as in Alertmanager). */
export interface RouteMatch {
  /** Position in the tree (`route.routes[1].routes[0]`), stable while the file's shape is. */
  readonly routeId: string;
  readonly routeName?: string;
  readonly receiver: string;
  readonly groupBy: readonly string[];
  readonly groupWaitMs: number;
  readonly groupIntervalMs: number;
  readonly repeatIntervalMs: number;
  readonly escalation?: string;
  readonly muteTimeIntervals: readonly string[];
  readonly activeTimeIntervals: readonly string[];
}

interface CompiledRoute {
  readonly matchers: readonly Matcher[];
  readonly continue: boolean;
  readonly settings: RouteMatch;
  readonly routes: readonly CompiledRoute[];
}

interface CompiledInhibit {
  readonly source: readonly Matcher[];
  readonly target: readonly Matcher[];
  readonly equal: readonly string[];
}

export interface Router {
  readonly config: RoutingConfig;
  readonly hostGroups: HostGroups;
  /** Every route that takes these labels (several when `continue` is set); at least the root. */
  match(labels: Labels): RouteMatch[];
  /** The time interval that mutes this route at `now`, if any. */
  mutedBy(match: RouteMatch, now: Date): string | undefined;
  /** The index of the inhibit rule under which an active source mutes `target`, if any. */
  inhibitedBy(target: Labels, sources: readonly Labels[]): number | undefined;
  /** Notifications are batched per route, receiver and group_by values. */
  groupKey(match: RouteMatch, labels: Labels): string;
  policy(name: string): EscalationPolicy | undefined;
  rotation(name: string): Rotation | undefined;
  /** The receiver that pages a person. */
  personReceiver(person: string): string | undefined;
}

function compileMatchers(
  texts: readonly string[],
  path: (string | number)[],
  errors: PathIssue[],
): Matcher[] {
  const out: Matcher[] = [];
  texts.forEach((text, i) => {
    const result = parseMatcher(text);
    if (result.ok) out.push(result.matcher);
    else errors.push({ path: [...path, i], message: result.error });
  });
  return out;
}

function compileRoute(
  spec: RouteSpec,
  parent: RouteMatch | undefined,
  path: (string | number)[],
  errors: PathIssue[],
): CompiledRoute {
  const base: Omit<RouteMatch, 'routeId' | 'receiver'> = parent ?? {
    ...ROUTE_DEFAULTS,
    muteTimeIntervals: [],
    activeTimeIntervals: [],
  };
  const settings: RouteMatch = {
    routeId: path
      .map((p) => (typeof p === 'number' ? `[${p}]` : p))
      .join('.')
      .replaceAll('.[', '['),
    ...(spec.name === undefined ? {} : { routeName: spec.name }),
    receiver: spec.receiver ?? parent?.receiver ?? '',
    groupBy: spec.group_by ?? base.groupBy,
    groupWaitMs: spec.group_wait ?? base.groupWaitMs,
    groupIntervalMs: spec.group_interval ?? base.groupIntervalMs,
    repeatIntervalMs: spec.repeat_interval ?? base.repeatIntervalMs,
    ...((spec.escalation ?? parent?.escalation) === undefined
      ? {}
      : { escalation: spec.escalation ?? parent?.escalation ?? '' }),
    muteTimeIntervals: spec.mute_time_intervals,
    activeTimeIntervals: spec.active_time_intervals,
  };
  return {
    matchers: compileMatchers(spec.matchers, [...path, 'matchers'], errors),
    continue: spec.continue,
    settings,
    routes: spec.routes.map((child, i) => compileRoute(child, settings, [...path, 'routes', i], errors)),
  };
}

function matchRoute(route: CompiledRoute, labels: Labels): RouteMatch[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const found: RouteMatch[] = [];
  for (const child of route.routes) {
    const matches = matchRoute(child, labels);
    if (matches.length === 0) continue;
    found.push(...matches);
    if (!child.continue) break;
  }
  return found.length > 0 ? found : [route.settings];
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export type CompileResult =
  { readonly ok: true; readonly router: Router } | { readonly ok: false; readonly errors: PathIssue[] };

/** Compiles a validated config (regexes, tree, intervals) into a Router. */
export function compileRouting(config: RoutingConfig): CompileResult {
  const errors: PathIssue[] = [];
  const root = compileRoute(config.route, undefined, ['route'], errors);
  const inhibits: CompiledInhibit[] = config.inhibit_rules.map((rule, i) => ({
    source: compileMatchers(rule.source_matchers, ['inhibit_rules', i, 'source_matchers'], errors),
    target: compileMatchers(rule.target_matchers, ['inhibit_rules', i, 'target_matchers'], errors),
    equal: rule.equal,
  }));
  const intervals = new Map<string, readonly TimeIntervalSpec[]>();
  config.time_intervals.forEach((interval, i) => {
    intervals.set(interval.name, interval.time_intervals);
    interval.time_intervals.forEach((spec, j) => {
      for (const e of timeRangeErrors(spec))
        errors.push({
          path: ['time_intervals', i, 'time_intervals', j, 'times', e.index],
          message: e.message,
        });
    });
  });
  const hostGroups = compileHostGroups(config.host_groups);
  if (!hostGroups.ok) errors.push(...hostGroups.errors);
  if (errors.length > 0 || !hostGroups.ok) return { ok: false, errors };

  const policies = new Map(config.escalation_policies.map((p) => [p.name, p]));
  const rotations = new Map(config.rotations.map((r) => [r.name, r]));
  const people = new Map(config.people.map((p) => [p.name, p.receiver]));
  const inAny = (names: readonly string[], now: Date): string | undefined =>
    names.find((name) => (intervals.get(name) ?? []).some((spec) => inTimeInterval(spec, now)));

  const router: Router = {
    config,
    hostGroups: hostGroups.groups,
    match: (labels) => matchRoute(root, labels),
    mutedBy(match, now) {
      const muted = inAny(match.muteTimeIntervals, now);
      if (muted !== undefined) return muted;
      if (match.activeTimeIntervals.length > 0 && inAny(match.activeTimeIntervals, now) === undefined) {
        return `outside ${match.activeTimeIntervals.join(', ')}`;
      }
      return undefined;
    },
    inhibitedBy(target, sources) {
      const self = labelValues(target, 'incident')[0];
      for (const [index, rule] of inhibits.entries()) {
        if (!matchesAll(rule.target, target)) continue;
        const hit = sources.some(
          (source) =>
            labelValues(source, 'incident')[0] !== self &&
            matchesAll(rule.source, source) &&
            rule.equal.every((label) => sameValues(labelValues(source, label), labelValues(target, label))),
        );
        if (hit) return index;
      }
      return undefined;
    },
    groupKey: (match, labels) =>
      sha256Id(
        match.routeId,
        match.receiver,
        ...match.groupBy.map((label) => `${label}=${labelValues(labels, label).join(',')}`),
      ),
    policy: (name) => policies.get(name),
    rotation: (name) => rotations.get(name),
    personReceiver: (person) => people.get(person),
  };
  return { ok: true, router };
}
