import { VigilError } from '@vigil/core';
import type { RuleIssueCode } from '../issues/rule-issue.js';
import type { YamlPath } from '../yaml/yaml-document.js';

/**
 * A rule cannot be compiled. Thrown deep inside compilation (a modifier, a regex) and caught at the
 * nearest detection item, where it becomes a located RuleIssue: rule errors are data at the API.
 */
export class RuleCompileError extends VigilError {
  constructor(
    readonly issueCode: RuleIssueCode,
    message: string,
    /** Narrower location than the catcher's, when the thrower knows it (e.g. a list item). */
    readonly path?: YamlPath,
  ) {
    super(message, { code: 'SIGMA_RULE_INVALID', retriable: false });
  }
}
