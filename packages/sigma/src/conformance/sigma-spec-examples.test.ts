import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../test-support/fixtures-dir.js';
import { compileTexts } from '../test-support/rule-fixtures.js';

// Vigil-side detection rules that the specification's examples refer to by id or name.
const referencedRules = `title: failed logon
id: 5638f7c0-ac70-491d-8465-2a65075e0d86
logsource: {product: linux, service: auth}
detection: {selection: {event.outcome: failure}, condition: selection}
---
title: recon a
name: recon_cmd_a
logsource: {product: linux}
detection: {keywords: [whoami], condition: keywords}
---
title: recon b
name: recon_cmd_b
logsource: {product: linux}
detection: {keywords: ['uname -a'], condition: keywords}
---
title: recon c
name: recon_cmd_c
logsource: {product: linux}
detection: {keywords: [ifconfig], condition: keywords}
---
title: web access
name: website_access
logsource: {category: webserver}
detection: {selection: {cs-method: GET}, condition: selection}
`;

const examples = fixturesDir('sigma-specification/tests/schema');
const read = (...parts: string[]) => {
  const file = path.join(examples, ...parts);
  return { file, text: readFileSync(file, 'utf8') };
};

/** Outcome of each correlation example: the compiled type and group keys, or the error codes. */
function outcome(name: string): string {
  const result = compileTexts([read('correlation', name), { file: 'stubs.yml', text: referencedRules }]);
  const errors = result.errors.filter((error) => error.file !== 'stubs.yml');
  if (errors.length > 0) return `error ${errors.map((error) => `${error.line}:${error.code}`).join(',')}`;
  const rule = result.ruleSet.rules.find((candidate) => candidate.meta.source.file !== 'stubs.yml');
  if (rule === undefined || !('groupBy' in rule)) return 'nothing';
  return `${rule.type} [${rule.groupBy.names.join(', ')}]${rule.type === 'value_count' ? ` field=${rule.field}` : ''}`;
}

describe('Sigma specification examples (tests/schema)', () => {
  it('compiles every correlation example Vigil supports and rejects the rest with a reason', () => {
    const names = readdirSync(path.join(examples, 'correlation')).sort();
    const outcomes = Object.fromEntries(names.map((name) => [name, outcome(name)]));
    console.log(
      Object.entries(outcomes)
        .map(([name, result]) => `  ${name}: ${result}`)
        .join('\n'),
    );
    expect(outcomes).toEqual({
      'event_count.yml': 'event_count [host.hostname]',
      // dns.question.name: Vigil ingests no DNS logs, so no event has the field.
      'event_count_ecs.yml': 'error 9:unsupported_field',
      'temporal.yml': 'temporal [host.hostname, user.name]',
      'temporal_ordered.yml': 'temporal_ordered [host.hostname, user.name]',
      'value_avg.yml': 'error 3:unsupported_correlation',
      'value_count.yml': 'value_count [host.hostname, source.domain] field=user.name',
      'value_percentile.yml': 'error 3:unsupported_correlation',
      'value_sum.yml': 'error 3:unsupported_correlation',
    });
  });

  it('parses the filter and rule examples, rejecting what Vigil cannot ingest', () => {
    const summary = [
      ['filter', 'filter_1.yml'],
      ['filter', 'filter_ecs.yml'],
      ['rules', 'rule_1.yml'],
      ['rules', 'rule_ecs.yml'],
    ].flatMap((parts) => {
      // One at a time: the two rule examples share an id.
      const result = compileTexts([read(...parts)]);
      return [...result.errors, ...result.warnings].map(
        (issue) => `${path.basename(issue.file)}:${issue.line} ${issue.code}`,
      );
    });
    expect(summary).toEqual([
      // filter_1 compiles; the rules it names are not in this set.
      'filter_1.yml:7 unreferenced_filter',
      'filter_ecs.yml:12 unsupported_field',
      'rule_1.yml:18 unsupported_logsource',
      'rule_ecs.yml:8 unsupported_logsource',
    ]);
  });
});
