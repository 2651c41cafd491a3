/** Machine-readable reasons, stable for tooling and for the conformance report. */
export const RULE_ISSUE_CODES = [
  'yaml_syntax',
  'invalid_structure',
  'missing_title',
  'missing_level',
  'invalid_level',
  'duplicate_id',
  'duplicate_name',
  'unsupported_logsource',
  'unsupported_field',
  'unknown_modifier',
  'unsupported_modifier',
  'invalid_modifier_use',
  'invalid_value',
  'invalid_regex',
  'invalid_cidr',
  'unknown_placeholder',
  'condition_syntax',
  'undefined_identifier',
  'legacy_aggregation',
  'unsupported_correlation',
  'invalid_timespan',
  'unknown_rule_reference',
  'reference_cycle',
  'referenced_rule_failed',
  'invalid_extension',
  'unsupported_action',
  'unused_identifier',
  'unreferenced_filter',
  'read_error',
] as const;
export type RuleIssueCode = (typeof RULE_ISSUE_CODES)[number];

export type RuleIssueSeverity = 'error' | 'warning';

/** One problem in one rule file, located to the line (1-based) so people can fix it. */
export interface RuleIssue {
  readonly severity: RuleIssueSeverity;
  readonly code: RuleIssueCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The rule's id (or name, or title) when the issue belongs to one rule. */
  readonly rule?: string;
}

export type RuleError = RuleIssue & { readonly severity: 'error' };
export type RuleWarning = RuleIssue & { readonly severity: 'warning' };

/** `file:line:column: severity: message [code]`, the format editors and CI annotators parse. */
export function formatRuleIssue(issue: RuleIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message} [${issue.code}]`;
}
