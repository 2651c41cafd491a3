import type { Logger } from '@vigil/core';
import type { RuleSet } from '@vigil/rule-engine';
import {
  formatRuleIssue,
  loadRulePack,
  resolveRulePack,
  watchRules,
  type LoadResult,
  type RuleWatcher,
} from '@vigil/sigma';
import { computeFamilies } from '../families/compute-families.js';
import type { RuleTopology } from '../families/rule-family.js';
import { EventRouter } from '../routing/event-router.js';

export interface RuleSourceOptions {
  /** Rule files or folders; empty = the starter pack. */
  readonly paths: readonly string[];
  readonly lists?: readonly string[];
  readonly cwd: string;
  readonly maxEvidence: number;
  /** Quiet time after the last change before reloading (editors write in bursts). */
  readonly debounceMs?: number;
}

/** A loaded rule set with everything the stages derive from it. */
export interface LoadedRules {
  readonly ruleSet: RuleSet;
  readonly topology: RuleTopology;
  readonly router: EventRouter;
  /** `file:line:col: severity: message` of every rule error and warning. */
  readonly report: readonly string[];
  readonly errors: number;
}

/**
 * Loads rules the way every `vigil` command does (`loadRulePack`) and derives the families and the
 * router. `watch` reloads on any change under the rule folders, lists or mappings (`watchRules`, as
 * `vigil run` does); a load with errors keeps the rules in force, so a typo never drops running rules.
 */
export class RuleSource {
  private watcher: RuleWatcher | undefined;

  constructor(
    private readonly options: RuleSourceOptions,
    private readonly logger: Logger,
  ) {}

  async load(): Promise<LoadedRules> {
    const pack = await loadRulePack(this.options.paths, this.options.cwd, this.options.lists);
    return this.derive(pack.result);
  }

  /**
   * From the rules in force (`load()`'s), calls `onReload` with each later load that had no errors
   * and `onRefused` with the others.
   */
  watch(
    inForce: RuleSet,
    onReload: (rules: LoadedRules) => void,
    onRefused: (rules: LoadedRules) => void,
  ): void {
    const where = resolveRulePack(this.options.paths, this.options.cwd, this.options.lists);
    this.watcher = watchRules(
      where.rulePaths,
      (reload) => {
        const rules = this.derive(reload.result);
        if (reload.applied) onReload(rules);
        else onRefused(rules);
      },
      {
        lists: where.listPaths,
        inForce,
        debounceMs: this.options.debounceMs ?? 500,
        onWatchError: (error) => this.logger.warn({ err: error }, 'rule folder watch failed'),
      },
    );
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  private derive(result: LoadResult): LoadedRules {
    const topology = computeFamilies(result.ruleSet);
    return {
      ruleSet: result.ruleSet,
      topology,
      router: new EventRouter(topology, { maxEvidence: this.options.maxEvidence }),
      report: [...result.errors, ...result.warnings].map((issue) => formatRuleIssue(issue)),
      errors: result.errors.length,
    };
  }
}
