import { RE2JS } from 're2js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import type { RegexFlags } from '../modifiers/sigma-value.js';

export interface RegexSpec {
  readonly pattern: string;
  readonly flags: RegexFlags;
  readonly anchorStart: boolean;
  readonly anchorEnd: boolean;
}

/**
 * Compiles a rule regex with RE2 (re2js): matching time is linear in the input, so a crafted log
 * line cannot stall the engine the way a backtracking engine can (`(x+x+)+y`). Patterns RE2 cannot
 * run in linear time (backreferences, lookaround, possessive/atomic groups) are rejected.
 */
export function compileRegex(spec: RegexSpec): (text: string) => boolean {
  let pattern = spec.pattern;
  if (spec.anchorStart) pattern = `^(?:${pattern})`;
  if (spec.anchorEnd) pattern = `(?:${pattern})$`;
  let flags = 0;
  if (spec.flags.ignoreCase) flags |= RE2JS.CASE_INSENSITIVE;
  if (spec.flags.multiline) flags |= RE2JS.MULTILINE;
  if (spec.flags.dotAll) flags |= RE2JS.DOTALL;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, flags);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    throw new RuleCompileError(
      'invalid_regex',
      `regex /${spec.pattern}/ is not supported by the linear-time engine (RE2): ${reason}`,
    );
  }
  return (text) => compiled.test(text);
}
