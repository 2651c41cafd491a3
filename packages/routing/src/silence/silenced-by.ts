import type { Labels } from '../labels/labels.js';
import { matchesAll, parseMatcher, type Matcher } from '../matcher/matcher.js';
import type { Silence } from './silence.schema.js';

const cache = new Map<string, Matcher | undefined>();
const CACHE_LIMIT = 10_000;

function compiled(text: string): Matcher | undefined {
  if (cache.has(text)) return cache.get(text);
  const result = parseMatcher(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const matcher = result.ok ? result.matcher : undefined;
  cache.set(text, matcher);
  return matcher;
}

/** Whether a silence is in force at `now`: [starts_at, ends_at). */
export function isActiveSilence(silence: Silence, now: Date): boolean {
  const t = now.getTime();
  return t >= Date.parse(silence.starts_at) && t < Date.parse(silence.ends_at);
}

/** The ids of the active silences that match `labels` (a silence with a bad matcher matches nothing). */
export function silencedBy(labels: Labels, silences: readonly Silence[], now: Date): string[] {
  return silences
    .filter((silence) => {
      if (!isActiveSilence(silence, now)) return false;
      const matchers = silence.matchers.map(compiled);
      return matchers.every((m) => m !== undefined) && matchesAll(matchers, labels);
    })
    .map((silence) => silence.id);
}

/** Ends a silence now (the API's expire): a silence that already ended is left as it is. */
export function expireSilence(silence: Silence, now: Date): Silence {
  if (Date.parse(silence.ends_at) <= now.getTime()) return silence;
  // A silence not yet started keeps a valid (past, empty-of-now) window: [now-1ms, now).
  const startsAt = Math.min(Date.parse(silence.starts_at), now.getTime() - 1);
  return { ...silence, starts_at: new Date(startsAt).toISOString(), ends_at: now.toISOString() };
}
