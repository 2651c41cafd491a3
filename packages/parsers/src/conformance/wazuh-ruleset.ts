/**
 * Reads Wazuh's ruleset test cases (`tests/*.ini`) and rules (`rules/*.xml`) from the fixtures so
 * that each `pass` log line can be checked for the fields its rule depends on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface WazuhCase {
  readonly file: string;
  readonly section: string;
  readonly log: string;
  readonly ruleId: string;
}

export interface WazuhRule {
  readonly id: string;
  readonly groups: ReadonlySet<string>;
  /** Rules this one chains from (`if_sid`, `if_matched_sid`). */
  readonly parents: readonly string[];
  readonly sameSourceIp: boolean;
}

/** `[section]` blocks with `log N pass = …` lines and a `rule = N`. */
export function readCases(dir: string, files: readonly string[]): WazuhCase[] {
  const cases: WazuhCase[] = [];
  for (const file of files) {
    let section = '';
    let logs: string[] = [];
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const head = /^\[(.*)\]\s*$/.exec(line);
      if (head !== null) {
        section = head[1] as string;
        logs = [];
        continue;
      }
      const log = /^log \d+ pass = (.*)$/.exec(line);
      if (log !== null) logs.push(log[1] as string);
      const rule = /^rule = (\d+)/.exec(line);
      if (rule !== null)
        for (const l of logs) cases.push({ file, section, log: l, ruleId: rule[1] as string });
    }
  }
  return cases;
}

/** All rules of all XML files, with the groups of their enclosing `<group name>` blocks. */
export function readRules(dir: string): Map<string, WazuhRule> {
  const rules = new Map<string, WazuhRule>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
    const xml = readFileSync(path.join(dir, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    for (const block of xml.split(/<group name="/).slice(1)) {
      const outer = (block.slice(0, block.indexOf('"')) || '').split(',').filter(Boolean);
      for (const m of block.matchAll(/<rule id="(\d+)"[^>]*>([\s\S]*?)<\/rule>/g)) {
        const body = m[2] as string;
        const groups = new Set(outer);
        for (const g of body.matchAll(/<group>([^<]*)<\/group>/g))
          for (const x of (g[1] as string).split(',')) if (x) groups.add(x);
        const parents = [...body.matchAll(/<if_(?:matched_)?sid>([^<]*)<\/if_(?:matched_)?sid>/g)].flatMap(
          (p) => (p[1] as string).split(/[,\s]+/).filter(Boolean),
        );
        rules.set(m[1] as string, {
          id: m[1] as string,
          groups,
          parents,
          sameSourceIp: /<same_source_ip\s*\/>/.test(body),
        });
      }
    }
  }
  return rules;
}

/** The groups of a rule and of the rules it chains from. */
export function effectiveGroups(
  rules: Map<string, WazuhRule>,
  id: string,
  seen = new Set<string>(),
): Set<string> {
  const out = new Set<string>();
  const rule = rules.get(id);
  if (rule === undefined || seen.has(id)) return out;
  seen.add(id);
  for (const g of rule.groups) out.add(g);
  for (const p of rule.parents) for (const g of effectiveGroups(rules, p, seen)) out.add(g);
  return out;
}

export function needsSourceIp(rules: Map<string, WazuhRule>, id: string, seen = new Set<string>()): boolean {
  const rule = rules.get(id);
  if (rule === undefined || seen.has(id)) return false;
  seen.add(id);
  return rule.sameSourceIp || rule.parents.some((p) => needsSourceIp(rules, p, seen));
}
