import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface CorrelatorMetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag); off in tests that build several correlators. */
  readonly defaultMetrics?: boolean;
}

/** Per stage-2 partition readings, refreshed by the state stage every few seconds. */
export interface PartitionGauges {
  readonly partition: number;
  readonly keys: number;
  readonly buffered: number;
  /** Newest upstream event time minus the partition's watermark, in seconds (undefined before both exist). */
  readonly watermarkLagSeconds: number | undefined;
  readonly checkpointAgeSeconds: number;
}

/** The correlator's Prometheus metrics on their own registry (served at `/metrics`). */
export class CorrelatorMetrics {
  readonly registry = new Registry();
  readonly eventsRouted: Counter;
  readonly copies: Counter<'family'>;
  readonly eventsApplied: Counter;
  readonly alerts: Counter<'stage'>;
  readonly late: Counter;
  readonly duplicates: Counter;
  readonly unknownFamily: Counter;
  readonly deadLetters: Counter<'code'>;
  readonly ruleErrors: Counter<'rule_id'>;
  readonly markers: Counter;
  readonly staleBatches: Counter;
  readonly checkpoints: Counter<'result'>;
  readonly checkpointBytes: Histogram;
  readonly restores: Counter<'source'>;
  readonly resizes: Counter;
  readonly reloads: Counter<'result'>;
  readonly batchSeconds: Histogram<'stage'>;
  private readonly keys: Gauge<'partition'>;
  private readonly buffered: Gauge<'partition'>;
  private readonly watermarkLag: Gauge<'partition'>;
  private readonly checkpointAge: Gauge<'partition'>;
  readonly families: Gauge;
  readonly rules: Gauge;

  constructor(options: CorrelatorMetricsOptions = {}) {
    const registers = [this.registry];
    const counter = <L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> =>
      new Counter({ name: `vigil_correlator_${name}`, help, labelNames, registers });
    const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []): Gauge<L> =>
      new Gauge({ name: `vigil_correlator_${name}`, help, labelNames, registers });
    this.eventsRouted = counter('events_routed_total', 'Events read from the events topic by stage 1');
    this.copies = counter('copies_total', 'Event copies written to the repartition topic, by family', [
      'family',
    ]);
    this.eventsApplied = counter(
      'events_applied_total',
      'Event copies applied by stage 2 (replays included)',
    );
    this.alerts = counter(
      'alerts_total',
      'Alerts produced (acknowledged), by stage (route: stateless signatures)',
      ['stage'],
    );
    this.late = counter('late_events_total', 'Event copies older than the watermark, sent to the late topic');
    this.duplicates = counter(
      'duplicates_dropped_total',
      'Event copies re-sent by stage 1 after a rebalance, dropped',
    );
    this.unknownFamily = counter(
      'unknown_family_total',
      'Event copies for a family this instance does not have (rules differ)',
    );
    this.deadLetters = counter('dead_letters_total', 'Messages the correlator could not use, by code', [
      'code',
    ]);
    this.ruleErrors = counter('rule_errors_total', 'Predicates or group-bys that threw, by rule', [
      'rule_id',
    ]);
    this.markers = counter('markers_sent_total', 'Watermark markers broadcast by stage 1');
    this.staleBatches = counter('stale_batches_total', 'Stage-2 batches fetched before a seek, ignored');
    this.checkpoints = counter('checkpoints_total', 'Checkpoint saves, by result', ['result']);
    this.checkpointBytes = new Histogram({
      name: 'vigil_correlator_checkpoint_bytes',
      help: 'Size of a saved checkpoint (gzipped)',
      buckets: [1e3, 1e4, 1e5, 1e6, 1e7, 5e7],
      registers,
    });
    this.restores = counter('restores_total', 'Stage-2 partitions started, by source of their state', [
      'source',
    ]);
    this.resizes = counter(
      'repartition_resizes_detected_total',
      'Checkpoints restored after the repartition topic changed its partition count (keys moved)',
    );
    this.reloads = counter('rule_reloads_total', 'Rule reloads, by result', ['result']);
    this.batchSeconds = new Histogram({
      name: 'vigil_correlator_batch_duration_seconds',
      help: 'From receiving a batch to its produce acknowledgement, by stage',
      labelNames: ['stage'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.keys = gauge('keys', 'Group keys held by the engines of a stage-2 partition', ['partition']);
    this.buffered = gauge('buffered_events', 'Events waiting for the watermark in a stage-2 partition', [
      'partition',
    ]);
    this.watermarkLag = gauge(
      'watermark_lag_seconds',
      'Newest upstream event time minus the watermark of a stage-2 partition',
      ['partition'],
    );
    this.checkpointAge = gauge(
      'checkpoint_age_seconds',
      'Time since the last checkpoint of a stage-2 partition',
      ['partition'],
    );
    this.families = gauge('families', 'Rule families (one engine per family and stage-2 partition)');
    this.rules = gauge('rules', 'Rules loaded');
    if (options.defaultMetrics === true)
      collectDefaultMetrics({ register: this.registry, prefix: 'vigil_correlator_' });
  }

  setPartitions(readings: readonly PartitionGauges[]): void {
    for (const gauge of [this.keys, this.buffered, this.watermarkLag, this.checkpointAge]) gauge.reset();
    for (const reading of readings) {
      const partition = String(reading.partition);
      this.keys.set({ partition }, reading.keys);
      this.buffered.set({ partition }, reading.buffered);
      if (reading.watermarkLagSeconds !== undefined)
        this.watermarkLag.set({ partition }, reading.watermarkLagSeconds);
      this.checkpointAge.set({ partition }, reading.checkpointAgeSeconds);
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  exposition(): Promise<string> {
    return this.registry.metrics();
  }
}
