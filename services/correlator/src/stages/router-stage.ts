/**
 * Stage 1, the Kafka wiring around EventRouter: a consumer group on the events topic writes each
 * event's copies to the repartition topic (keyed by family and group values) and the alerts of
 * stateless signatures to the alerts topic; the events offsets are committed only once all of that
 * is acknowledged. Every `markerIntervalMs` it broadcasts a watermark marker for the upstream
 * partitions it owns to every repartition partition.
 */
import { isRetriable, retry, type Logger } from '@vigil/core';
import {
  createConsumer,
  type BatchHandler,
  type Kafka,
  type OutgoingMessage,
  type TopicBatch,
  type VigilAdmin,
  type VigilConsumer,
  type VigilProducer,
  consumerTuning,
} from '@vigil/kafka';
import type { CorrelatorConfig } from '../config/correlator-config.js';
import type { CorrelatorMetrics } from '../metrics/correlator-metrics.js';
import { alertRecord, deadLetterRecord } from '../records/output-records.js';
import type { EventRouter } from '../routing/event-router.js';
import { readRoutableEvent } from '../routing/read-routable-event.js';
import { eventCopyMessage, markerMessage } from '../routing/repartition-record.js';
import { UpstreamProgress } from '../watermark/upstream-progress.js';
import { RateLimitedLog } from './rate-limited-log.js';

export interface RouterStageDeps {
  readonly kafka: Kafka;
  readonly producer: VigilProducer;
  readonly admin: VigilAdmin;
  readonly config: CorrelatorConfig;
  readonly logger: Logger;
  readonly metrics: CorrelatorMetrics;
  /** The router of the rules in force (it changes on reload). */
  readonly router: () => EventRouter;
}

const PRODUCE_RETRY = { retries: Number.MAX_SAFE_INTEGER, initialDelayMs: 200, maxDelayMs: 30_000 } as const;
/** Markers are re-sent this often even when nothing changed, so a new stage-2 owner hears of everything. */
const MARKER_HEARTBEAT_MS = 10_000;
/**
 * After a batch's copies are acknowledged a marker goes out at once (at most this often), not at the
 * next interval tick: stage 2 cannot fire a window before it hears that time has passed, so the
 * marker cadence adds straight to alert latency.
 */
const EAGER_MARKER_GAP_MS = 50;

export class RouterStage {
  readonly consumer: VigilConsumer;
  readonly groupId: string;
  private readonly progress: UpstreamProgress;
  private readonly ruleErrorLog: RateLimitedLog;
  /** Marker rounds follow every batch, so a failing round is logged at most every few seconds. */
  private readonly markerLog: RateLimitedLog;
  private upstreamPartitions = 0;
  private repartitionPartitions = 0;
  private partitionsCheckedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  /** Rounds asked for while one was under way (they follow it as one). */
  private missedRounds = 0;
  private eager: NodeJS.Timeout | undefined;
  private lastMarks = '';
  private lastBroadcast = 0;

  constructor(private readonly deps: RouterStageDeps) {
    const { config } = deps;
    this.groupId = `${config.groupId}.router`;
    this.progress = new UpstreamProgress(config.time.idleAfterMs);
    this.ruleErrorLog = new RateLimitedLog(deps.logger, 60_000);
    this.markerLog = new RateLimitedLog(deps.logger, 5_000);
    this.consumer = createConsumer(deps.kafka, {
      groupId: this.groupId,
      topics: [config.topics.events],
      handler: this.handler,
      logger: deps.logger.child({ component: 'router-consumer' }),
      fromBeginning: config.consumer.fromBeginning,
      ...consumerTuning(config.consumer),
      shutdownSignals: false,
      onPartitionsAssigned: (partitions) =>
        this.progress.assign(
          partitions.map((tp) => tp.partition),
          Date.now(),
        ),
      onPartitionsRevoked: (partitions) => this.progress.revoke(partitions.map((tp) => tp.partition)),
    });
  }

  async start(): Promise<void> {
    await this.refreshPartitionCounts();
    await this.consumer.start();
    this.timer = setInterval(() => void this.tick(), this.deps.config.time.markerIntervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.eager !== undefined) clearTimeout(this.eager);
    this.eager = undefined;
    await this.consumer.stop();
  }

  /** Upstream partitions owned now, for health. */
  get ownedPartitions(): number[] {
    return this.progress.partitions;
  }

  private readonly handler: BatchHandler = async (batch, context) => {
    const started = performance.now();
    const { config, metrics } = this.deps;
    const router = this.deps.router();
    const now = Date.now();
    const copies: OutgoingMessage[] = [];
    const alerts: OutgoingMessage[] = [];
    const dead: OutgoingMessage[] = [];
    const copiesByFamily = new Map<string, number>();
    const deadByCode = new Map<string, number>();
    let newest: number | undefined;
    let alertCount = 0;
    this.progress.batchStarted(batch.partition);
    for (const message of batch.messages) {
      const origin = { topic: batch.topic, partition: batch.partition, offset: message.offset };
      const refuse = (code: string, reason: string): void => {
        dead.push(deadLetterRecord({ code, reason, origin, original: message.value, now }));
        deadByCode.set(code, (deadByCode.get(code) ?? 0) + 1);
      };
      if (message.value === null) {
        refuse('no_value', 'message without a value');
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.value.toString('utf8'));
      } catch {
        refuse('invalid_json', 'not JSON');
        continue;
      }
      const read = readRoutableEvent(parsed);
      if (typeof read === 'string') {
        refuse('invalid_event', read);
        continue;
      }
      if (newest === undefined || read.ts > newest) newest = read.ts;
      const routed = router.route(read.event, read.ts);
      for (const copy of routed.copies) {
        copies.push(eventCopyMessage(copy.key, copy.family, batch.partition, message.offset, message.value));
        copiesByFamily.set(copy.family, (copiesByFamily.get(copy.family) ?? 0) + 1);
      }
      for (const alert of routed.alerts) alerts.push(alertRecord(alert));
      alertCount += routed.alerts.length;
      for (const error of routed.errors) {
        metrics.ruleErrors.inc({ rule_id: error.ruleId });
        this.ruleErrorLog.warn(error.ruleId, { ruleId: error.ruleId, error: error.message }, 'rule threw');
      }
    }
    const out: TopicBatch[] = [];
    if (copies.length > 0) out.push({ topic: config.topics.repartition, messages: copies });
    if (alerts.length > 0) out.push({ topic: config.topics.alerts, messages: alerts });
    if (dead.length > 0) out.push({ topic: config.topics.deadLetter, messages: dead });
    const lagAfter = Number(BigInt(batch.highWatermark) - BigInt(batch.lastOffset) - 1n);
    try {
      await retry(() => this.deps.producer.sendMany(out), {
        ...PRODUCE_RETRY,
        signal: context.signal,
        shouldRetry: (error) => isRetriable(error),
        onRetry: (error, attempt, delayMs) =>
          this.deps.logger.warn(
            { err: error, attempt, delayMs, partition: batch.partition },
            'produce failed; retrying',
          ),
      });
    } catch (error) {
      this.progress.batchDone(batch.partition, undefined, 1, Date.now());
      throw error;
    }
    this.progress.batchDone(batch.partition, newest, lagAfter, Date.now());
    this.nudge();
    metrics.eventsRouted.inc(batch.messages.length - dead.length);
    for (const [family, count] of copiesByFamily) metrics.copies.inc({ family }, count);
    for (const [code, count] of deadByCode) metrics.deadLetters.inc({ code }, count);
    if (alertCount > 0) metrics.alerts.inc({ stage: 'route' }, alertCount);
    metrics.batchSeconds.observe({ stage: 'route' }, (performance.now() - started) / 1000);
  };

  /** Schedules a marker round soon (see EAGER_MARKER_GAP_MS); one at a time. */
  private nudge(): void {
    if (this.eager !== undefined || this.timer === undefined) return;
    const wait = Math.max(0, this.lastBroadcast + EAGER_MARKER_GAP_MS - Date.now());
    this.eager = setTimeout(() => {
      this.eager = undefined;
      void this.tick();
    }, wait);
  }

  private async tick(): Promise<void> {
    if (this.ticking) {
      // A round is under way with marks read before this batch: another one follows it.
      this.missedRounds++;
      return;
    }
    this.ticking = true;
    this.missedRounds = 0;
    try {
      const now = Date.now();
      if (now - this.partitionsCheckedAt > 60_000 || this.upstreamPartitions === 0)
        await this.refreshPartitionCounts();
      // Quiet partitions of unknown lag, and every idle claim about to be sent, are checked against
      // Kafka first: a partition that went quiet may have messages its consumer has not fetched yet.
      const check = [...this.progress.needLagCheck(now), ...this.progress.idleClaims(now)];
      if (check.length > 0) {
        const lags = await this.deps.admin.consumerLag(this.groupId, this.deps.config.topics.events);
        for (const lag of lags)
          if (check.includes(lag.partition)) this.progress.lagChecked(lag.partition, lag.lag);
      }
      await this.broadcast(Date.now());
    } catch (error) {
      this.markerLog.warn('marker', { err: error }, 'watermark marker round failed; trying again');
    } finally {
      this.ticking = false;
      if (this.missedRounds > 0) this.nudge();
    }
  }

  private async broadcast(now: number): Promise<void> {
    const marks = this.progress.marks(now);
    if (marks.length === 0 || this.upstreamPartitions === 0 || this.repartitionPartitions === 0) return;
    const text = JSON.stringify(marks);
    if (text === this.lastMarks && now - this.lastBroadcast < MARKER_HEARTBEAT_MS) return;
    const marker = { marker: 'watermark' as const, partitions: this.upstreamPartitions, upstreams: marks };
    const messages = Array.from({ length: this.repartitionPartitions }, (_, r) => markerMessage(r, marker));
    await this.deps.producer.send(this.deps.config.topics.repartition, messages);
    this.lastMarks = text;
    this.lastBroadcast = now;
    this.deps.metrics.markers.inc(messages.length);
  }

  /** Partition counts as Kafka has them (topics may have been resized since the config was written). */
  private async refreshPartitionCounts(): Promise<void> {
    const { admin, config } = this.deps;
    const [events, repartition] = await Promise.all([
      admin.consumerLag(this.groupId, config.topics.events),
      admin.consumerLag(this.groupId, config.topics.repartition),
    ]);
    this.upstreamPartitions = events.length;
    this.repartitionPartitions = repartition.length;
    this.partitionsCheckedAt = Date.now();
  }
}
