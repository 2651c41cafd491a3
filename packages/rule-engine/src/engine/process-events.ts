import { Observable, Subscription, interval, type SchedulerLike } from 'rxjs';
import type { EngineOutput, EngineStats } from '../model/engine-output.js';

/** What `processEvents` needs of the engine: the synchronous core. */
export interface EngineCore {
  push(event: unknown): EngineOutput[];
  pushMany(events: Iterable<unknown>): EngineOutput[];
  advanceTo(ms: number): EngineOutput[];
  flush(): EngineOutput[];
  stats(): EngineStats;
}

export interface ProcessOptions {
  /** Event-time instants (ms) to advance the watermark to, e.g. a heartbeat while all sources are quiet. */
  readonly ticks$?: Observable<number>;
  /** Also emit `stats` every this many ms of the scheduler's time. */
  readonly statsIntervalMs?: number;
  readonly scheduler?: SchedulerLike;
}

/**
 * The RxJS face of the engine, kept thin: every input item (an event, or an array of events as one
 * batch) goes through the synchronous core and its outputs are emitted in order. Completion of the
 * input flushes the engine (a replayed file ends with every alert it holds). Bad events come out
 * as data; only an error of the input itself errors the output.
 */
export function processEvents(
  engine: EngineCore,
  events$: Observable<unknown>,
  options: ProcessOptions = {},
): Observable<EngineOutput> {
  return new Observable<EngineOutput>((subscriber) => {
    const emit = (outputs: readonly EngineOutput[]): void => {
      for (const output of outputs) subscriber.next(output);
    };
    const subscription = new Subscription();
    if (options.ticks$ !== undefined) {
      subscription.add(options.ticks$.subscribe((ms) => emit(engine.advanceTo(ms))));
    }
    if (options.statsIntervalMs !== undefined && options.statsIntervalMs > 0) {
      subscription.add(
        interval(options.statsIntervalMs, options.scheduler).subscribe(() =>
          subscriber.next({ kind: 'stats', stats: engine.stats() }),
        ),
      );
    }
    subscription.add(
      events$.subscribe({
        next: (item) => emit(Array.isArray(item) ? engine.pushMany(item) : engine.push(item)),
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          emit(engine.flush());
          subscriber.complete();
        },
      }),
    );
    return subscription;
  });
}
