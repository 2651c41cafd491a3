import { IssueCollector } from '../issues/issue-collector.js';
import type { RuleError } from '../issues/rule-issue.js';
import { parseYamlFile } from '../yaml/yaml-document.js';

const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Placeholder lists for Sigma `expand`: YAML files mapping a list name to its values, e.g.
 * `allowed_networks: [10.0.0.0/8, 192.168.0.0/16]`, used in rules as `%allowed_networks%`.
 * Values are strings (numbers are accepted and turned into text); a name may be defined once.
 */
export function parsePlaceholderLists(sources: readonly { readonly file: string; readonly text: string }[]): {
  lists: ReadonlyMap<string, readonly string[]>;
  errors: readonly RuleError[];
} {
  const collector = new IssueCollector();
  const lists = new Map<string, readonly string[]>();
  const definedIn = new Map<string, string>();
  for (const source of sources) {
    const parsed = parseYamlFile(source.file, source.text);
    for (const issue of parsed.syntaxIssues) {
      collector.add({
        severity: 'error',
        code: 'yaml_syntax',
        file: source.file,
        ...issue.position,
        message: issue.message,
      });
    }
    for (const document of parsed.documents) {
      const issues = collector.forDocument(document);
      const value = document.value;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        issues.error('invalid_structure', [], 'a list file must map list names to lists of values');
        continue;
      }
      for (const [name, items] of Object.entries(value as Record<string, unknown>)) {
        if (!NAME.test(name)) {
          issues.error(
            'invalid_structure',
            [name],
            `list name '${name}' may only use letters, digits, '_', '.', '-'`,
          );
          continue;
        }
        const values = Array.isArray(items) ? (items as unknown[]) : [items];
        const bad = values.findIndex((item) => typeof item !== 'string' && typeof item !== 'number');
        if (bad >= 0) {
          issues.error(
            'invalid_value',
            Array.isArray(items) ? [name, bad] : [name],
            `list '${name}' may only hold strings and numbers`,
            'value',
          );
          continue;
        }
        const previous = definedIn.get(name);
        if (previous !== undefined) {
          issues.error('invalid_structure', [name], `list '${name}' is already defined in ${previous}`);
          continue;
        }
        definedIn.set(name, `${source.file}:${document.position([name]).line}`);
        lists.set(name, values.map(String));
      }
    }
  }
  return { lists, errors: collector.errors };
}
