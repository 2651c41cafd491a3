const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const TIMESPAN = /^(\d{1,9})([smhd])$/;

/** Sigma timespan `<number><s|m|h|d>` in milliseconds; undefined when malformed or zero. */
export function parseTimespan(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIMESPAN.exec(value.trim());
  if (match === null) return undefined;
  const [, amount = '0', unit = 's'] = match;
  const ms = Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return ms > 0 ? ms : undefined;
}
