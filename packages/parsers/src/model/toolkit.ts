import type { TimeScan } from '../time/timestamp-scan.js';
import type { YearResolver } from '../time/year-resolver.js';
import type { ZoneClock } from '../time/zone-clock.js';
import type { DatasetHint } from './parse-outcome.js';

/** Per-stream parsing state and per-line references handed to the format parsers. */
export interface Toolkit {
  readonly clock: ZoneClock;
  readonly scan: TimeScan;
  readonly years: YearResolver;
  /** `@timestamp` text for UTC ms (cached: consecutive lines often share a second). */
  iso(ms: number): string;
  /** Reference "now" for this line: its receive time, else the parser's `now`. */
  nowMs: number;
  hint: DatasetHint | undefined;
  /** The context's source hint (file path) for this line. */
  source: string | undefined;
}
