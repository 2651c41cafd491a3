import type { RuleError } from '../issues/rule-issue.js';
import type { Mappings } from '../mapping/mappings.js';
import { defaultMappingsDir, loadMappings } from '../mapping/parse-mappings.js';
import type { ModifierRegistry } from '../modifiers/modifier-registry.js';
import { parsePlaceholderLists } from '../placeholders/parse-placeholder-lists.js';
import { compileRuleSources, type LoadResult } from './compile-rule-sources.js';
import { readYamlFiles } from './read-yaml-files.js';

export interface LoadRulesOptions {
  /** Preloaded mapping tables; otherwise read from `mappingsDir`. */
  readonly mappings?: Mappings;
  /** Default: `<repo>/rules/mappings`. */
  readonly mappingsDir?: string;
  /** Placeholder list files or directories (e.g. `rules/lists`) for Sigma `expand`. */
  readonly lists?: readonly string[];
  /** Extra placeholder values, merged over the list files. */
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
  readonly modifiers?: ModifierRegistry;
}

function failure(errors: readonly RuleError[], files = 0): LoadResult {
  return {
    ruleSet: { rules: [] },
    errors,
    warnings: [],
    stats: { files, documents: 0, loaded: 0, failed: 0 },
  };
}

/**
 * Loads Sigma rules from files and directories (recursively, `.yml`/`.yaml`). Reports every error
 * with file and line at once; the rules without errors still load.
 */
export async function loadRules(
  paths: readonly string[],
  options: LoadRulesOptions = {},
): Promise<LoadResult> {
  let mappings = options.mappings;
  if (mappings === undefined) {
    const loaded = await loadMappings(options.mappingsDir ?? defaultMappingsDir());
    if (loaded.mappings === undefined) return failure(loaded.errors);
    mappings = loaded.mappings;
  }
  const placeholders = new Map<string, readonly string[]>();
  const preErrors: RuleError[] = [];
  if (options.lists !== undefined && options.lists.length > 0) {
    const listFiles = await readYamlFiles(options.lists);
    const lists = parsePlaceholderLists(listFiles.sources);
    preErrors.push(...listFiles.errors, ...lists.errors);
    for (const [name, values] of lists.lists) placeholders.set(name, values);
  }
  for (const [name, values] of Object.entries(options.placeholders ?? {})) placeholders.set(name, values);
  const { sources, errors: readErrors } = await readYamlFiles(paths);
  const result = compileRuleSources(sources, {
    mappings,
    placeholders,
    ...(options.modifiers === undefined ? {} : { modifiers: options.modifiers }),
  });
  if (preErrors.length === 0 && readErrors.length === 0) return result;
  return { ...result, errors: [...preErrors, ...readErrors, ...result.errors] };
}
