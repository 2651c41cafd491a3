import { parseTimestamp } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';

/**
 * `@timestamp` in ms, as Date.parse reads it. The engine's digit parser is several times faster for
 * the shape parsers write; anything it does not take (NaN), and years below 1000 (which Date.UTC
 * would read as 19xx), go to Date.parse.
 */
function timeOf(event: VigilEvent): number {
  const stamp = event['@timestamp'];
  const fast = stamp.charCodeAt(0) === 48 /* 0 */ ? Number.NaN : parseTimestamp(stamp);
  return Number.isNaN(fast) ? Date.parse(stamp) : fast;
}

/**
 * k-way merge of event streams by `@timestamp`: files cover the same period, and reading one whole
 * file before the next would make every event of the second one "late". Each input must be roughly
 * time-ordered itself (a log file is); small disorder is the engine's reorder buffer's job.
 */
export async function* mergeByTime(inputs: readonly AsyncIterator<VigilEvent>[]): AsyncGenerator<VigilEvent> {
  interface Head {
    readonly it: AsyncIterator<VigilEvent>;
    event: VigilEvent;
    ts: number;
  }
  const heads: Head[] = [];
  for (const it of inputs) {
    const next = await it.next();
    if (next.done !== true) heads.push({ it, event: next.value, ts: timeOf(next.value) });
  }
  // While several inputs remain, the earliest head goes first (ties: the earlier input).
  while (heads.length > 1) {
    let min = 0;
    for (let i = 1; i < heads.length; i++)
      if ((heads[i]?.ts ?? Infinity) < (heads[min]?.ts ?? Infinity)) min = i;
    const head = heads[min] as Head;
    yield head.event;
    const next = await head.it.next();
    if (next.done === true) heads.splice(min, 1);
    else {
      head.event = next.value;
      head.ts = timeOf(next.value);
    }
  }
  // One input left (the usual `vigil replay FILE`): its events in order, no time to read.
  const last = heads[0];
  if (last === undefined) return;
  yield last.event;
  for (let next = await last.it.next(); next.done !== true; next = await last.it.next()) yield next.value;
}
