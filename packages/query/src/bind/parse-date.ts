const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const RELATIVE = /^now(?:([+-])(\d{1,6})([smhdw]))?$/;
const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export interface ParsedDate {
  readonly ms: number;
  /** A calendar day without a time: equality means the whole (UTC) day. */
  readonly dayOnly: boolean;
}

/**
 * Dates as analysts type them: `2024-01-01`, `2024-01-01T10:00:00Z`, with an offset, or relative
 * to now (`now-15m`, `now-7d`). A time without an offset is UTC. Relative dates are resolved here,
 * once, so that Elasticsearch and the in-memory store compare against the same instant.
 */
export function parseDate(text: string, now: number): ParsedDate | undefined {
  const relative = RELATIVE.exec(text);
  if (relative !== null) {
    const [, sign, amount, unit] = relative;
    if (sign === undefined || amount === undefined || unit === undefined) return { ms: now, dayOnly: false };
    const delta = Number(amount) * (UNIT_MS[unit] ?? 0);
    return { ms: sign === '-' ? now - delta : now + delta, dayOnly: false };
  }
  if (DATE_ONLY.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : { ms, dayOnly: true };
  }
  if (DATE_TIME.test(text)) {
    const normalized = text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(normalized);
    const ms = Date.parse(hasZone ? normalized : `${normalized}Z`);
    return Number.isNaN(ms) ? undefined : { ms, dayOnly: false };
  }
  return undefined;
}

export const DAY_MS = 86_400_000;
