import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadRulePack } from '@vigil/cli';
import type { Logger } from '@vigil/core';
import type { RuleSet } from '@vigil/rule-engine';
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

/** The starter pack folder, as `loadRulePack` finds it (the repository's `rules/`). */
function starterPackDir(): string {
  let dir = resolve(import.meta.dirname);
  while (!existsSync(join(dir, 'turbo.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'rules');
}

/**
 * Loads rules the way every `vigil` command does (`loadRulePack`) and derives the families and the
 * router. `watch` reloads on any change under the rule folders; a load with errors keeps the rules
 * in force, so a typo never drops running rules.
 */
export class RuleSource {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly options: RuleSourceOptions,
    private readonly logger: Logger,
  ) {}

  async load(): Promise<LoadedRules> {
    const pack = await loadRulePack(this.options.paths, this.options.cwd, this.options.lists);
    const topology = computeFamilies(pack.result.ruleSet);
    return {
      ruleSet: pack.result.ruleSet,
      topology,
      router: new EventRouter(topology, { maxEvidence: this.options.maxEvidence }),
      report: pack.report,
      errors: pack.result.errors.length,
    };
  }

  /** Calls `onReload` with each later load that had no errors; `onRefused` with the others. */
  watch(onReload: (rules: LoadedRules) => void, onRefused: (rules: LoadedRules) => void): void {
    const targets = [
      ...(this.options.paths.length === 0
        ? [starterPackDir()]
        : this.options.paths.map((p) => resolve(this.options.cwd, p))),
      ...(this.options.lists ?? []).map((p) => resolve(this.options.cwd, p)),
    ];
    const schedule = (): void => {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.reload(onReload, onRefused);
      }, this.options.debounceMs ?? 500);
    };
    for (const target of targets) {
      try {
        const watcher = watch(target, { recursive: true, persistent: false }, schedule);
        watcher.on('error', (error) => this.logger.warn({ err: error, target }, 'rule folder watch failed'));
        this.watchers.push(watcher);
      } catch (error) {
        this.logger.warn({ err: error, target }, 'cannot watch rule folder: reloads need a restart');
      }
    }
  }

  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  /** One reload at a time; changes during a reload trigger exactly one more. */
  private reload(onReload: (rules: LoadedRules) => void, onRefused: (rules: LoadedRules) => void): void {
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.load()
      .then(
        (rules) => (rules.errors === 0 ? onReload(rules) : onRefused(rules)),
        (error: unknown) =>
          this.logger.error({ err: error }, 'rule reload failed; keeping the rules in force'),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.reload(onReload, onRefused);
        }
      });
  }
}
