import type { YamlDocument, YamlPath } from '../yaml/yaml-document.js';
import type { RuleError, RuleIssue, RuleIssueCode, RuleWarning } from './rule-issue.js';

/** Issues of one rule document; remembers whether any error was raised so the rule can be dropped. */
export class DocumentIssues {
  private errorCount = 0;
  rule: string | undefined;

  constructor(
    private readonly collector: IssueCollector,
    readonly document: YamlDocument,
  ) {}

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  error(code: RuleIssueCode, path: YamlPath, message: string, target: 'key' | 'value' = 'key'): void {
    this.errorCount++;
    this.collector.add(this.issue('error', code, path, message, target));
  }

  warning(code: RuleIssueCode, path: YamlPath, message: string, target: 'key' | 'value' = 'key'): void {
    this.collector.add(this.issue('warning', code, path, message, target));
  }

  private issue(
    severity: 'error' | 'warning',
    code: RuleIssueCode,
    path: YamlPath,
    message: string,
    target: 'key' | 'value',
  ): RuleIssue {
    const position = this.document.position(path, target);
    return {
      severity,
      code,
      file: this.document.file,
      line: position.line,
      column: position.column,
      message,
      ...(this.rule === undefined ? {} : { rule: this.rule }),
    };
  }
}

/** Collects every problem of a load so that one bad rule never hides the others. */
export class IssueCollector {
  readonly errors: RuleError[] = [];
  readonly warnings: RuleWarning[] = [];

  add(issue: RuleIssue): void {
    if (issue.severity === 'error') this.errors.push(issue as RuleError);
    else this.warnings.push(issue as RuleWarning);
  }

  forDocument(document: YamlDocument): DocumentIssues {
    return new DocumentIssues(this, document);
  }
}
