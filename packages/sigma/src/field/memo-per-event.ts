import { scopeState } from './event-scope.js';

/**
 * Wraps a pure function of an event so that, inside an `eventScope`, it runs once per event however
 * many rules call it (the last event and answer are kept). Outside a scope it just runs.
 */
export function memoPerEvent<E extends object, T>(compute: (event: E) => T): (event: E) => T {
  let seenEpoch = 0;
  let seenEvent: E | undefined;
  let seen: T | undefined;
  return (event) => {
    const epoch = scopeState.epoch;
    if (epoch === 0) return compute(event);
    if (epoch === seenEpoch && event === seenEvent) return seen as T;
    const value = compute(event);
    seenEpoch = epoch;
    seenEvent = event;
    seen = value;
    return value;
  };
}
