import { sha256Id } from '@vigil/core';
import type { RuleMeta } from '@vigil/rule-engine';
import { canonicalJson } from '../util/canonical-json.js';
import type { ParsedRule } from './parse-rule-document.js';

/**
 * A rule's version: 16 hex characters of sha256 over its normalized logic (logsource, detection or
 * correlation, Vigil extensions, the resolved field mapping, expanded placeholder lists, applied
 * filters, and the versions of referenced rules). Editing descriptions, dates or tags keeps alert
 * ids stable; changing what the rule matches changes them.
 */
export function ruleVersion(fingerprint: unknown): string {
  return sha256Id(canonicalJson(fingerprint)).slice(0, 16);
}

export function buildRuleMeta(
  parsed: ParsedRule,
  version: string,
  overrides: Partial<Pick<RuleMeta, 'id' | 'title'>> = {},
): RuleMeta {
  return {
    id: overrides.id ?? parsed.id,
    ...(parsed.name === undefined || overrides.id !== undefined ? {} : { name: parsed.name }),
    title: overrides.title ?? parsed.title,
    level: parsed.level ?? 'medium',
    version,
    ...(parsed.description === undefined ? {} : { description: parsed.description }),
    tags: parsed.tags,
    source: { file: parsed.document.file, line: parsed.document.start.line },
  };
}
