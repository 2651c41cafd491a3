import { RE2JS } from 're2js';

/** Named sets of hosts, each a list of RE2 patterns matched against the whole host name. */
export interface HostGroups {
  readonly names: readonly string[];
  groupsOf(hosts: readonly string[]): string[];
}

export type HostGroupsResult =
  | { readonly ok: true; readonly groups: HostGroups }
  | {
      readonly ok: false;
      readonly errors: readonly { readonly path: readonly (string | number)[]; readonly message: string }[];
    };

export function compileHostGroups(spec: Readonly<Record<string, readonly string[]>>): HostGroupsResult {
  const compiled: [string, RE2JS[]][] = [];
  const errors: { path: (string | number)[]; message: string }[] = [];
  for (const [name, patterns] of Object.entries(spec)) {
    const res: RE2JS[] = [];
    patterns.forEach((pattern, i) => {
      try {
        res.push(RE2JS.compile(pattern));
      } catch (error) {
        errors.push({
          path: ['host_groups', name, i],
          message: `bad regex "${pattern}": ${(error as Error).message}`,
        });
      }
    });
    compiled.push([name, res]);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    groups: {
      names: compiled.map(([name]) => name),
      groupsOf: (hosts) =>
        compiled
          .filter(([, res]) => hosts.some((h) => res.some((re) => re.matches(h))))
          .map(([name]) => name),
    },
  };
}
