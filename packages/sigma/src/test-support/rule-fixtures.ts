import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledRule } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { compileRuleSources, type LoadResult } from '../loader/compile-rule-sources.js';
import type { Mappings } from '../mapping/mappings.js';
import { defaultMappingsDir, parseMappings } from '../mapping/parse-mappings.js';

let mappings: Mappings | undefined;

/** The repository's real mapping tables (rules/mappings), parsed once per test file. */
export function repoMappings(): Mappings {
  if (mappings === undefined) {
    const dir = defaultMappingsDir();
    const read = (name: string) => ({
      file: path.join(dir, name),
      text: readFileSync(path.join(dir, name), 'utf8'),
    });
    const parsed = parseMappings({ logsources: read('logsources.yml'), fields: read('fields.yml') });
    if (parsed.mappings === undefined) throw new Error(`mappings invalid: ${JSON.stringify(parsed.errors)}`);
    mappings = parsed.mappings;
  }
  return mappings;
}

/** Compiles rule YAML texts (each `{file, text}`, or one text named `rule.yml`) with the real mappings. */
export function compileTexts(
  sources: string | readonly { file: string; text: string }[],
  placeholders?: Readonly<Record<string, readonly string[]>>,
): LoadResult {
  const list = typeof sources === 'string' ? [{ file: 'rule.yml', text: sources }] : sources;
  return compileRuleSources(list, {
    mappings: repoMappings(),
    ...(placeholders === undefined ? {} : { placeholders: new Map(Object.entries(placeholders)) }),
  });
}

/** The single compiled rule of a text; fails loudly (with the errors) when it did not compile. */
export function compileOne(
  text: string,
  placeholders?: Readonly<Record<string, readonly string[]>>,
): CompiledRule {
  const result = compileTexts(text, placeholders);
  const [rule] = result.ruleSet.rules;
  if (result.errors.length > 0 || rule === undefined || result.ruleSet.rules.length !== 1) {
    throw new Error(
      `expected one rule, got ${result.ruleSet.rules.length}: ${JSON.stringify(result.errors, null, 1)}`,
    );
  }
  return rule;
}

/** The predicate of a compiled detection-like rule. */
export function matcherOf(rule: CompiledRule): (event: VigilEvent) => boolean {
  if (!('match' in rule)) throw new Error(`rule ${rule.meta.id} is a ${rule.type}, not a detection`);
  return rule.match;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

function merge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current !== null &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? merge(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

/** A valid VigilEvent (system.auth by default) with the given fields merged in. */
export function makeEvent(fields: DeepPartial<VigilEvent> & Record<string, unknown> = {}): VigilEvent {
  const base: VigilEvent = {
    '@timestamp': '2025-03-01T10:00:00.000Z',
    event: {
      id: 'e1',
      kind: 'event',
      category: ['authentication'],
      type: ['info'],
      dataset: 'system.auth',
      original: '',
    },
    vigil: { schema_version: 1 },
  };
  return merge(base, fields) as unknown as VigilEvent;
}

/** A minimal detection rule around a `detection:` body (indented YAML lines) for a logsource. */
export function ruleWith(
  detection: string,
  logsource = 'product: linux\n    service: sshd',
  extra = '',
): string {
  return `title: Test rule
id: 11111111-2222-3333-4444-555555555555
level: high
logsource:
    ${logsource}
detection:
${detection}
${extra}`;
}
