import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue.js';

describe('SerialQueue', () => {
  it('never interleaves tasks and survives a failing one', async () => {
    const queue = new SerialQueue();
    const trace: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        trace.push(`${name}:start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        trace.push(`${name}:end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run(task('a')),
      queue.run(task('b', true)),
      queue.run(task('c')),
    ]);
    expect(trace).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
