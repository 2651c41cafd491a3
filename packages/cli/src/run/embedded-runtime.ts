import { join } from 'node:path';
import { createLogger, type Logger } from '@vigil/core';
import { RecordLog } from '@vigil/embedded-store';
import { createLineParser, type LineParser, type ParserOptions } from '@vigil/parsers';
import { createEngine, type Engine, type EngineOutput, type RuleSet } from '@vigil/rule-engine';
import type { Alert, VigilEvent } from '@vigil/schema';

export interface RawLine {
  readonly line: string;
  /** A stable name of the stream the line came from: a file path, `udp:1.2.3.4`, ... */
  readonly source: string;
  readonly receivedAt?: number;
}

export interface DeadLetterRecord {
  readonly id: string;
  readonly '@timestamp': string;
  readonly source: string;
  readonly code: string;
  readonly reason: string;
  readonly original: string;
}

export interface EmbeddedRuntimeOptions {
  readonly ruleSet: RuleSet;
  readonly dataDir: string;
  readonly parser?: ParserOptions;
  readonly allowedLatenessMs?: number;
  /** Keep this many events for search in the embedded store. */
  readonly maxEvents?: number;
  readonly onAlert?: (alert: Alert, isNew: boolean) => void;
  readonly onDeadLetter?: (dead: DeadLetterRecord) => void;
  /** Every parsed batch, once stored (the embedded API's search). */
  readonly onEvents?: (events: readonly VigilEvent[]) => void;
  readonly logger?: Logger;
}

export interface RuntimeCounters {
  lines: number;
  events: number;
  deadLetters: number;
  late: number;
  alerts: number;
  newAlerts: number;
}

/**
 * The embedded default's pipeline, with no Kafka, Elasticsearch or Redis: lines from any source →
 * a stateful parser per source → the rule engine on event time → alerts in a durable local store
 * (idempotent by alert id, so reading a file again after a restart adds nothing twice).
 */
export class EmbeddedRuntime {
  readonly counters: RuntimeCounters = {
    lines: 0,
    events: 0,
    deadLetters: 0,
    late: 0,
    alerts: 0,
    newAlerts: 0,
  };
  readonly alerts: RecordLog<Alert>;
  readonly events: RecordLog<VigilEvent & { id: string }>;
  readonly deadLetters: RecordLog<DeadLetterRecord>;
  private readonly engine: Engine;
  private readonly parsers = new Map<string, LineParser>();
  private readonly log: Logger;
  private newestEventMs = Number.NEGATIVE_INFINITY;
  private newestEventWallMs = 0;

  constructor(private readonly options: EmbeddedRuntimeOptions) {
    this.log = options.logger ?? createLogger({ name: 'vigil-run' });
    this.alerts = new RecordLog<Alert>({ dir: join(options.dataDir, 'alerts'), name: 'alerts' });
    this.events = new RecordLog({
      dir: join(options.dataDir, 'events'),
      name: 'events',
      maxRecords: options.maxEvents ?? 200_000,
      fsync: false,
    });
    this.deadLetters = new RecordLog<DeadLetterRecord>({
      dir: join(options.dataDir, 'deadletters'),
      name: 'deadletters',
    });
    this.engine = createEngine(options.ruleSet, { allowedLatenessMs: options.allowedLatenessMs ?? 5_000 });
    for (const problem of this.engine.problems) this.log.warn({ rule: problem.ruleId }, problem.message);
  }

  /** Parses and correlates a batch of lines; returns when their alerts are stored. */
  ingest(lines: readonly RawLine[]): void {
    this.correlate(this.parse(lines));
  }

  /**
   * Whole files of history (the demo, `--from-start`): each parsed with its own parser, then merged
   * by event time, so that one file read before another does not make the second one late.
   */
  ingestHistory(files: readonly (readonly RawLine[])[]): void {
    const events = files.flatMap((lines) => this.parse(lines));
    // A stable sort keeps each file's own order for equal timestamps.
    const keyed = events.map((event, i) => ({ event, i, ts: Date.parse(event['@timestamp']) }));
    keyed.sort((a, b) => a.ts - b.ts || a.i - b.i);
    this.correlate(keyed.map((k) => k.event));
  }

  private correlate(events: readonly VigilEvent[]): void {
    const outputs: EngineOutput[] = [];
    for (const event of events) {
      const ts = Date.parse(event['@timestamp']);
      if (ts > this.newestEventMs) {
        this.newestEventMs = ts;
        this.newestEventWallMs = Date.now();
      }
      outputs.push(...this.engine.push(event));
    }
    this.take(outputs);
  }

  private parse(lines: readonly RawLine[]): VigilEvent[] {
    const events: (VigilEvent & { id: string })[] = [];
    const dead: DeadLetterRecord[] = [];
    for (const raw of lines) {
      this.counters.lines++;
      const outcome = this.parserFor(raw.source).parse(raw.line, {
        source: raw.source,
        ...(raw.receivedAt === undefined ? {} : { receivedAt: raw.receivedAt }),
      });
      if (!outcome.ok) {
        const record: DeadLetterRecord = {
          id: `${raw.source}:${this.counters.lines}`,
          '@timestamp': new Date().toISOString(),
          source: raw.source,
          code: outcome.code,
          reason: outcome.reason,
          original: raw.line,
        };
        dead.push(record);
        this.options.onDeadLetter?.(record);
        continue;
      }
      for (const event of outcome.events) events.push({ ...event, id: event.event.id });
    }
    this.counters.events += events.length;
    this.counters.deadLetters += dead.length;
    this.events.append(events);
    this.deadLetters.append(dead);
    if (events.length > 0) this.options.onEvents?.(events);
    return events;
  }

  /**
   * Moves event time forward while sources are quiet (absence rules, buffered events): from the
   * newest event time seen, at wall-clock speed since it was seen. Not to the wall clock itself,
   * which would make every event of a log that lags behind real time (or is being caught up) late.
   */
  tick(nowMs: number): void {
    if (this.newestEventMs === Number.NEGATIVE_INFINITY) return;
    const eventNow = this.newestEventMs + (nowMs - this.newestEventWallMs);
    this.take(this.engine.advanceTo(eventNow - (this.options.allowedLatenessMs ?? 5_000)));
  }

  /**
   * Swaps the rules without a restart: rules whose id, version and type did not change keep their
   * windows and counts. Returns the rules the engine refused.
   */
  reloadRules(ruleSet: RuleSet): readonly { ruleId: string; message: string }[] {
    const problems = this.engine.reload(ruleSet);
    for (const problem of problems) this.log.warn({ rule: problem.ruleId }, problem.message);
    return problems;
  }

  /** End of input (replay, demo): releases everything the engine holds. */
  flush(): void {
    this.take(this.engine.flush());
  }

  close(): void {
    this.alerts.close();
    this.events.close();
    this.deadLetters.close();
  }

  private parserFor(source: string): LineParser {
    let parser = this.parsers.get(source);
    if (parser === undefined) {
      parser = createLineParser(this.options.parser ?? {});
      this.parsers.set(source, parser);
    }
    return parser;
  }

  private take(outputs: readonly EngineOutput[]): void {
    const alerts: Alert[] = [];
    for (const output of outputs) {
      if (output.kind === 'alert') alerts.push(output.alert);
      else if (output.kind === 'late') {
        this.counters.late++;
        // Counted and kept in the event store; one line each only at debug level.
        this.log.debug({ event: output.event.event.id, lateness_ms: output.lateness_ms }, 'late event');
      } else if (output.kind === 'rule_error') this.log.error({ rule: output.ruleId }, output.message);
    }
    if (alerts.length === 0) return;
    const fresh = new Set(this.alerts.append(alerts).map((a) => a.id));
    for (const alert of alerts) {
      this.counters.alerts++;
      const isNew = fresh.has(alert.id);
      if (isNew) this.counters.newAlerts++;
      this.options.onAlert?.(alert, isNew);
    }
  }
}
