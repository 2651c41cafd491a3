import { isLabelName } from '../labels/labels.js';
import type { RouteSpec, RoutingConfig } from './routing-config.schema.js';

export interface PathIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

function duplicates(items: readonly { name: string }[], at: string, issues: PathIssue[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.name)) issues.push({ path: [at, i, 'name'], message: `duplicate name "${item.name}"` });
    seen.add(item.name);
  });
  return seen;
}

/** Cross-references zod cannot see: every name used must be defined, once. */
export function checkReferences(config: RoutingConfig): PathIssue[] {
  const issues: PathIssue[] = [];
  const receivers = duplicates(config.receivers, 'receivers', issues);
  const intervals = duplicates(config.time_intervals, 'time_intervals', issues);
  const policies = duplicates(config.escalation_policies, 'escalation_policies', issues);
  const rotations = duplicates(config.rotations, 'rotations', issues);
  duplicates(config.people, 'people', issues);

  const needReceiver = (value: string, path: (string | number)[]): void => {
    if (!receivers.has(value)) issues.push({ path, message: `unknown receiver "${value}"` });
  };

  if (config.route.receiver === undefined)
    issues.push({ path: ['route'], message: 'the root route needs a receiver' });
  if (config.route.matchers.length > 0)
    issues.push({ path: ['route', 'matchers'], message: 'the root route matches everything: no matchers' });

  const walk = (route: RouteSpec, path: (string | number)[]): void => {
    if (route.receiver !== undefined) needReceiver(route.receiver, [...path, 'receiver']);
    if (route.escalation !== undefined && !policies.has(route.escalation)) {
      issues.push({
        path: [...path, 'escalation'],
        message: `unknown escalation policy "${route.escalation}"`,
      });
    }
    (route.group_by ?? []).forEach((label, i) => {
      if (!isLabelName(label))
        issues.push({ path: [...path, 'group_by', i], message: `unknown label "${label}"` });
    });
    for (const key of ['mute_time_intervals', 'active_time_intervals'] as const) {
      route[key].forEach((interval, i) => {
        if (!intervals.has(interval))
          issues.push({ path: [...path, key, i], message: `unknown time interval "${interval}"` });
      });
    }
    route.routes.forEach((child, i) => walk(child, [...path, 'routes', i]));
  };
  walk(config.route, ['route']);

  config.inhibit_rules.forEach((rule, i) => {
    rule.equal.forEach((label, j) => {
      if (!isLabelName(label))
        issues.push({ path: ['inhibit_rules', i, 'equal', j], message: `unknown label "${label}"` });
    });
  });
  config.escalation_policies.forEach((policy, i) => {
    policy.levels.forEach((level, j) => {
      level.targets.forEach((target, k) => {
        const path = ['escalation_policies', i, 'levels', j, 'targets', k];
        if ('receiver' in target) needReceiver(target.receiver, [...path, 'receiver']);
        else if (!rotations.has(target.oncall))
          issues.push({ path: [...path, 'oncall'], message: `unknown rotation "${target.oncall}"` });
      });
    });
  });
  const people = new Set(config.people.map((p) => p.name));
  config.rotations.forEach((rotation, i) => {
    const users = [
      ...rotation.users.map((u, j) => [u, ['users', j]] as const),
      ...rotation.overrides.map((o, j) => [o.user, ['overrides', j, 'user']] as const),
    ];
    for (const [user, rest] of users) {
      if (!people.has(user))
        issues.push({
          path: ['rotations', i, ...rest],
          message: `"${user}" is not in people (who pages them?)`,
        });
    }
    rotation.overrides.forEach((o, j) => {
      if (Date.parse(o.end) <= Date.parse(o.start))
        issues.push({ path: ['rotations', i, 'overrides', j, 'end'], message: 'end must be after start' });
    });
  });
  config.people.forEach((person, i) => needReceiver(person.receiver, ['people', i, 'receiver']));
  return issues;
}
