import type { EventScope } from '@vigil/rule-engine';

/** The scope in force: 0 outside any (then nothing is memoized), else a number new for each event. */
export const scopeState = { epoch: 0 };
let last = 0;

/**
 * The `scope` of every rule set this package compiles. The engine enters it before testing one
 * event against its rules and exits right after; inside, field reads and shared detection items
 * are computed once for that event and reused by every rule (see `memoPerEvent`). Outside a scope
 * nothing is cached, so a caller that changes an event between two calls sees fresh values.
 */
export const eventScope: EventScope = {
  enter() {
    // Stays a small integer; after a wrap the memo's event identity check still tells events apart.
    last = last >= 0x3fff_ffff ? 1 : last + 1;
    scopeState.epoch = last;
  },
  exit() {
    scopeState.epoch = 0;
  },
};
