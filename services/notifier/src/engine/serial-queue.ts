/**
 * Runs async tasks one at a time, in call order. The engine's state changes (read a group, change
 * it, write it back) must not interleave between a consumed alert, an API command and a timer.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue goes on whether this task failed or not; the caller still sees its own error.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
