import { collectRuleFiles, defaultRulesDir } from '@vigil/sigma';
import { describe, expect, it } from 'vitest';
import { sigmaRuleLoader } from './sigma-rule-loader.js';

describe('sigmaRuleLoader', () => {
  it("loads the starter pack as the pipeline does: every rule, not the pack's lists or test cases", async () => {
    const loaded = await sigmaRuleLoader([defaultRulesDir()])();
    expect(loaded.errors).toEqual([]);
    // Every rule file gives at least one rule (a correlation file gives its base rules too).
    expect(loaded.rules.length).toBeGreaterThanOrEqual(collectRuleFiles([defaultRulesDir()]).length);
    // Rules that use placeholder lists compile only with the pack's lists.
    expect(loaded.rules.map((rule) => rule.title)).toContain('SSH brute force from one source');
    expect(loaded.rules.every((rule) => !rule.source?.file.endsWith('.tests.yml'))).toBe(true);
  });
});
