const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Nice histogram steps, smallest first, for `auto`. */
const NICE_MS = [
  1000, 5000, 10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000,
  43_200_000, 86_400_000, 604_800_000,
];

export const MAX_BUCKETS = 2000;
const AUTO_TARGET_BUCKETS = 100;

/** Parses `30s`, `5m`, `1h`, `1d`, `500ms`; undefined when malformed. */
export function parseInterval(text: string): number | undefined {
  const match = /^(\d{1,7})(ms|s|m|h|d)$/.exec(text);
  if (match === null) return undefined;
  const unit = UNITS.find(([name]) => name === match[2]);
  const ms = Number(match[1]) * (unit?.[1] ?? 0);
  return ms > 0 ? ms : undefined;
}

/** The interval in its largest exact unit, as Elasticsearch's `fixed_interval` takes it. */
export function formatInterval(ms: number): string {
  for (const [name, size] of UNITS) if (ms % size === 0) return `${ms / size}${name}`;
  return `${ms}ms`;
}

/** The smallest nice step that keeps a span within about a hundred buckets. */
export function autoInterval(spanMs: number): number {
  for (const step of NICE_MS) if (spanMs / step <= AUTO_TARGET_BUCKETS) return step;
  return NICE_MS.at(-1) ?? 86_400_000;
}
