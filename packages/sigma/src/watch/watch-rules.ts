import { watch, type FSWatcher } from 'node:fs';
import type { RuleSet } from '@vigil/rule-engine';
import type { LoadResult } from '../loader/compile-rule-sources.js';
import { loadRules, type LoadRulesOptions } from '../loader/load-rules.js';
import { defaultMappingsDir } from '../mapping/parse-mappings.js';
import { collectRuleFiles } from '../rule-pack/collect-rule-files.js';

export interface RuleReload {
  /** The load that just ran, with all its errors and warnings. */
  readonly result: LoadResult;
  /** False when the load had errors and the previous rule set was kept. */
  readonly applied: boolean;
  /** The rule set in force after this reload. */
  readonly ruleSet: RuleSet;
}

export interface WatchRulesOptions extends LoadRulesOptions {
  /** Quiet time after the last file change before reloading (editors write in bursts). */
  readonly debounceMs?: number;
  /**
   * The rule set the caller already loaded and runs: the watcher starts from it and loads only on
   * changes (no first load; `ready` resolves at once, to undefined).
   */
  readonly inForce?: RuleSet;
  /** A watch or a reload itself failed (e.g. a watched folder was removed mid-read). */
  readonly onWatchError?: (error: Error) => void;
}

export interface RuleWatcher {
  /** The rule set in force. */
  current(): RuleSet;
  /** Resolves once the first load has run (undefined when started from `inForce`). */
  readonly ready: Promise<RuleReload | undefined>;
  close(): void;
}

/**
 * Loads rules and reloads them all on any change under `paths`, the mapping tables or the list
 * files (fs.watch, debounced). The first load applies whatever compiled; later loads with errors
 * keep the last good set, so a typo in one file never drops rules that were running.
 */
export function watchRules(
  paths: readonly string[],
  onChange: (reload: RuleReload) => void,
  options: WatchRulesOptions = {},
): RuleWatcher {
  const debounceMs = options.debounceMs ?? 300;
  let active: RuleSet = options.inForce ?? { rules: [] };
  let loadedOnce = options.inForce !== undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RuleReload> | undefined;
  let pending = false;
  let closed = false;

  const reload = async (): Promise<RuleReload> => {
    // Collected on every load: a new rule file is picked up; lists, mappings and tests are not rules.
    const result = await loadRules(collectRuleFiles(paths), options);
    const applied = !loadedOnce || result.errors.length === 0;
    if (applied) active = result.ruleSet;
    loadedOnce = true;
    const event: RuleReload = { result, applied, ruleSet: active };
    if (!closed) onChange(event);
    return event;
  };

  // One reload at a time; changes during a reload trigger exactly one more.
  const run = (): Promise<RuleReload> => {
    if (running !== undefined) {
      pending = true;
      return running;
    }
    running = reload().finally(() => {
      running = undefined;
      if (pending && !closed) {
        pending = false;
        run().catch((error: unknown) => options.onWatchError?.(error as Error));
      }
    });
    return running;
  };

  const schedule = (): void => {
    if (closed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run().catch((error: unknown) => options.onWatchError?.(error as Error));
    }, debounceMs);
  };

  const watched = [
    ...paths,
    options.mappingsDir ?? (options.mappings === undefined ? defaultMappingsDir() : undefined),
    ...(options.lists ?? []),
  ];
  const watchers: FSWatcher[] = [];
  for (const target of watched) {
    if (target === undefined) continue;
    try {
      const watcher = watch(target, { recursive: true, persistent: false }, schedule);
      watcher.on('error', (error) => options.onWatchError?.(error));
      watchers.push(watcher);
    } catch (error) {
      // A missing path is reported by the load itself; other watch failures go to the caller.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onWatchError?.(error as Error);
    }
  }

  const ready = options.inForce === undefined ? run() : Promise.resolve(undefined);
  return {
    current: () => active,
    ready,
    close: () => {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
