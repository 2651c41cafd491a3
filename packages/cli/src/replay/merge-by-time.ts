import type { VigilEvent } from '@vigil/schema';

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
    if (next.done !== true) heads.push({ it, event: next.value, ts: Date.parse(next.value['@timestamp']) });
  }
  while (heads.length > 0) {
    let min = 0;
    for (let i = 1; i < heads.length; i++)
      if ((heads[i]?.ts ?? Infinity) < (heads[min]?.ts ?? Infinity)) min = i;
    const head = heads[min];
    if (head === undefined) break;
    yield head.event;
    const next = await head.it.next();
    if (next.done === true) heads.splice(min, 1);
    else {
      head.event = next.value;
      head.ts = Date.parse(next.value['@timestamp']);
    }
  }
}
