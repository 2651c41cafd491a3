import type { EventPredicate } from '@vigil/rule-engine';
import { compileDetection } from '../detection/compile-detection.js';
import { createFieldResolver } from '../mapping/create-field-resolver.js';
import type { LogsourceMatch } from '../mapping/mappings.js';
import { LOGSOURCE_KEYS } from '../mapping/mappings.js';
import type { CompileEnvironment } from './compile-detection-rule.js';
import type { ParsedRule } from './parse-rule-document.js';

/** A Sigma filter: its condition is ANDed to the condition of every rule it applies to (as pySigma does). */
export interface FilterUnit {
  readonly parsed: ParsedRule;
  /** Logsource keys the target rule must have, with these values. */
  readonly logsource: LogsourceMatch;
  /** Rule ids/names, or 'any' for every rule of the logsource. */
  readonly rules: readonly string[] | 'any';
  readonly match: EventPredicate;
  readonly fingerprint: unknown;
}

function parseTargets(value: unknown): readonly string[] | 'any' | undefined {
  if (typeof value === 'string') return ['any', 'all'].includes(value.toLowerCase()) ? 'any' : [value];
  if (Array.isArray(value)) {
    if (value.length === 0) return 'any';
    return value.every((item) => typeof item === 'string') ? value : undefined;
  }
  return undefined;
}

export function compileFilter(parsed: ParsedRule, environment: CompileEnvironment): FilterUnit | undefined {
  const { issues } = parsed;
  const section = parsed.body['filter'];
  if (section === null || typeof section !== 'object' || Array.isArray(section)) {
    issues.error(
      'invalid_structure',
      ['filter'],
      `'filter' must be a map with 'rules', search identifiers and a 'condition'`,
    );
    return undefined;
  }
  const { rules: rawRules, ...detection } = section as Record<string, unknown>;
  const rules = parseTargets(rawRules);
  if (rules === undefined) {
    issues.error(
      'invalid_structure',
      rawRules === undefined ? ['filter'] : ['filter', 'rules'],
      `'filter.rules' must be 'any', a rule id/name or a list of them`,
    );
  }
  if (typeof detection['condition'] !== 'string') {
    issues.error('invalid_structure', ['filter'], `a filter needs exactly one 'condition' string`);
    return undefined;
  }
  const logsource = parsed.logsource ?? {};
  const context = {
    modifiers: environment.modifiers,
    resolveField: createFieldResolver(environment.mappings, logsource),
    placeholders: environment.placeholders,
    keywordFields: environment.mappings.keywordFields,
    usedFields: new Map<string, readonly string[]>(),
    usedPlaceholders: new Map<string, readonly string[]>(),
    warn: () => undefined,
  };
  const compiled = compileDetection(detection, ['filter'], context, issues);
  if (compiled === undefined || rules === undefined || issues.hasErrors) return undefined;
  const match: LogsourceMatch = {};
  for (const key of LOGSOURCE_KEYS) {
    const value = logsource[key];
    if (value !== undefined) match[key] = [value];
  }
  return {
    parsed,
    logsource: match,
    rules,
    match: compiled.match,
    fingerprint: {
      filter: section,
      logsource,
      fields: Object.fromEntries(context.usedFields),
      placeholders: Object.fromEntries(context.usedPlaceholders),
    },
  };
}
