/**
 * Stage 2, the Kafka and Redis wiring around PartitionState: a consumer group on the repartition
 * topic. Each partition it is given starts from its Redis checkpoint (state + offset) and is read
 * from that offset on, so replays re-emit only alerts already emitted (same ids). Alerts go to the
 * alerts topic and late copies to the late topic before the batch counts as done; checkpoints are
 * taken after that, every `intervalMs` or `records` records.
 */
import { isRetriable, retry, type Logger } from '@vigil/core';
import {
  createConsumer,
  type BatchHandler,
  type Kafka,
  type TopicPartition,
  type VigilAdmin,
  type VigilConsumer,
  type VigilProducer,
  consumerTuning,
} from '@vigil/kafka';
import type { Checkpointer } from '../checkpoint/checkpointer.js';
import { encodeCheckpoint } from '../checkpoint/checkpoint-codec.js';
import type { CorrelatorConfig } from '../config/correlator-config.js';
import type { RuleFamily } from '../families/rule-family.js';
import type { CorrelatorMetrics } from '../metrics/correlator-metrics.js';
import { emptyOutput, PartitionState, type PartitionOutput } from '../partition/partition-state.js';
import { decodeRepartitionRecord } from '../routing/repartition-record.js';
import { countOutputs, outputBatches } from './partition-outputs.js';
import { RateLimitedLog } from './rate-limited-log.js';

export interface StateStageDeps {
  readonly kafka: Kafka;
  readonly producer: VigilProducer;
  readonly admin: VigilAdmin;
  readonly checkpointer: Checkpointer;
  readonly config: CorrelatorConfig;
  readonly logger: Logger;
  readonly metrics: CorrelatorMetrics;
  readonly families: () => readonly RuleFamily[];
}

interface Slot {
  readonly state: PartitionState;
  lastCheckpointAt: number;
  recordsSinceCheckpoint: number;
  saving: boolean;
  /** Batches that began past the state's offset (fetched before the seek): ignored. */
  staleInARow: number;
}

const PRODUCE_RETRY = { retries: Number.MAX_SAFE_INTEGER, initialDelayMs: 200, maxDelayMs: 30_000 } as const;
/** After this many stale batches in a row the gap is real (retention removed records): go on. */
const MAX_STALE_IN_A_ROW = 50;

export class StateStage {
  readonly consumer: VigilConsumer;
  readonly groupId: string;
  private readonly slots = new Map<number, Slot>();
  /** Partitions whose restore waits for Redis (paused once a batch of theirs shows up). */
  private readonly pending = new Set<number>();
  private readonly ruleErrorLog: RateLimitedLog;
  private timer: NodeJS.Timeout | undefined;
  private restoring = false;
  private stopping = false;
  /** Restores done since start, by source, for tests and health. */
  readonly restores = { checkpoint: 0, empty: 0 };

  constructor(private readonly deps: StateStageDeps) {
    const { config } = deps;
    this.groupId = `${config.groupId}.state`;
    this.ruleErrorLog = new RateLimitedLog(deps.logger, 60_000);
    this.consumer = createConsumer(deps.kafka, {
      groupId: this.groupId,
      topics: [config.topics.repartition],
      handler: this.handler,
      logger: deps.logger.child({ component: 'state-consumer' }),
      ...consumerTuning(config.consumer),
      shutdownSignals: false,
      onPartitionsAssigned: (partitions) => this.assigned(partitions),
      onPartitionsRevoked: (partitions) => this.revoked(partitions),
    });
  }

  async start(): Promise<void> {
    await this.consumer.start();
    this.timer = setInterval(() => void this.housekeeping(), 1_000);
  }

  /** Stops consuming; the partitions held are checkpointed on the way out (a quick restart replays little). */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.stopping = true;
    await this.consumer.stop();
  }

  /** Partitions with state, and partitions waiting for Redis to restore theirs. */
  get partitions(): { readonly ready: number[]; readonly waiting: number[] } {
    return {
      ready: [...this.slots.keys()].sort((a, b) => a - b),
      waiting: [...this.pending.keys()].sort((a, b) => a - b),
    };
  }

  reload(families: readonly RuleFamily[]): void {
    for (const slot of this.slots.values()) slot.state.reload(families);
  }

  private async assigned(partitions: readonly TopicPartition[]): Promise<void> {
    const lows = await this.lowOffsets();
    for (const { partition } of partitions) {
      try {
        await this.restore(partition, lows);
      } catch (error) {
        if (!isRetriable(error)) throw error;
        // Redis is away: this partition waits (paused), the others go on detecting.
        this.deps.logger.warn(
          { err: error, partition },
          'cannot load checkpoint yet; partition waits for redis',
        );
        this.pending.add(partition);
      }
    }
  }

  private async revoked(partitions: readonly TopicPartition[]): Promise<void> {
    for (const { partition } of partitions) {
      const slot = this.slots.get(partition);
      this.slots.delete(partition);
      this.pending.delete(partition);
      // On a rebalance the partition is someone else's already; when stopping, it is still ours to save.
      if (this.stopping && slot !== undefined && slot.recordsSinceCheckpoint > 0) {
        const saved = await this.deps.checkpointer.save(
          partition,
          slot.state.applied,
          encodeCheckpoint(slot.state.snapshot()),
        );
        this.deps.metrics.checkpoints.inc({ result: saved ? 'saved' : 'failed' });
      }
    }
  }

  /** Loads the partition's checkpoint, builds its state and makes the consumer read from its offset. */
  private async restore(partition: number, lows?: ReadonlyMap<number, bigint>): Promise<void> {
    const { config, checkpointer, logger, metrics } = this.deps;
    const checkpoint = await checkpointer.load(partition);
    lows ??= await this.lowOffsets();
    const low = lows.get(partition) ?? 0n;
    let offset = checkpoint?.offset ?? low;
    if (offset < low) {
      // Retention removed records the checkpoint needs: the state misses them (alerts may be lost).
      logger.error(
        { partition, checkpoint: offset.toString(), low: low.toString() },
        'checkpoint older than the topic',
      );
      offset = low;
    }
    const partitions = lows.size;
    const saved = checkpoint?.snapshot.partitions;
    if (saved !== undefined && saved !== partitions) {
      // Keys hash to other partitions now: state here misses their new events (see the README, resizing).
      metrics.resizes.inc();
      logger.error(
        { partition, saved, partitions },
        'the repartition topic was resized since this checkpoint: keys moved',
      );
    }
    const state = new PartitionState(
      this.deps.families(),
      { ...this.stateOptions(), partitions },
      {
        offset,
        ...(checkpoint === undefined ? {} : { snapshot: checkpoint.snapshot }),
      },
    );
    this.slots.set(partition, {
      state,
      lastCheckpointAt: checkpoint?.savedAt.getTime() ?? Date.now(),
      recordsSinceCheckpoint: 0,
      saving: false,
      staleInARow: 0,
    });
    this.consumer.seek(config.topics.repartition, partition, offset);
    const source = checkpoint === undefined ? 'empty' : 'checkpoint';
    this.restores[source]++;
    metrics.restores.inc({ source });
    logger.info({ partition, offset: offset.toString(), source }, 'stage-2 partition restored');
  }

  /** The first offset still in each repartition partition (retention may have removed older ones). */
  private async lowOffsets(): Promise<Map<number, bigint>> {
    const lag = await this.deps.admin.consumerLag(this.groupId, this.deps.config.topics.repartition);
    return new Map(lag.map((entry) => [entry.partition, BigInt(entry.low)] as const));
  }

  private stateOptions(): ConstructorParameters<typeof PartitionState>[1] {
    const { time, engine } = this.deps.config;
    return {
      latenessMs: time.latenessMs,
      maxKeys: engine.maxKeys,
      maxEvidence: engine.maxEvidence,
      ...(engine.newTermsLearnFromMs === undefined
        ? {}
        : { newTermsLearningFromMs: engine.newTermsLearnFromMs }),
    };
  }

  private readonly handler: BatchHandler = async (batch, context) => {
    const started = performance.now();
    const partition = batch.partition;
    const slot = this.slots.get(partition);
    if (slot === undefined) {
      // Synchronous with the check: a restore finishing later resumes it (see housekeeping).
      if (this.pending.has(partition)) this.consumer.pause([{ topic: batch.topic, partition }]);
      return;
    }
    const first = batch.messages[0];
    if (first === undefined) return;
    if (BigInt(first.offset) > slot.state.applied && ++slot.staleInARow <= MAX_STALE_IN_A_ROW) {
      this.deps.metrics.staleBatches.inc();
      return;
    }
    slot.staleInARow = 0;
    const out = emptyOutput();
    let applied = 0;
    for (const message of batch.messages) {
      const offset = BigInt(message.offset);
      if (offset < slot.state.applied) continue;
      slot.state.apply(offset, decodeRepartitionRecord(message), message.value, out);
      applied++;
    }
    if (applied === 0) return;
    try {
      await this.send(out, batch.topic, partition, context.signal);
    } catch (error) {
      // The state moved past records whose outputs were not sent: rebuild it from the checkpoint.
      this.slots.delete(partition);
      this.pending.add(partition);
      throw error;
    }
    countOutputs(out, this.deps.metrics, this.ruleErrorLog);
    slot.recordsSinceCheckpoint += applied;
    this.deps.metrics.batchSeconds.observe({ stage: 'state' }, (performance.now() - started) / 1000);
    this.maybeCheckpoint(partition, slot);
  };

  private async send(
    out: PartitionOutput,
    topic: string,
    partition: number,
    signal: AbortSignal,
  ): Promise<void> {
    const batches = outputBatches(out, this.deps.config.topics, { topic, partition }, Date.now());
    if (batches.length === 0) return;
    await retry(() => this.deps.producer.sendMany(batches), {
      ...PRODUCE_RETRY,
      signal,
      shouldRetry: (error) => isRetriable(error),
      onRetry: (error, attempt, delayMs) =>
        this.deps.logger.warn({ err: error, attempt, delayMs, partition }, 'produce failed; retrying'),
    });
  }

  /** Snapshots now (synchronously, so state and offset agree) and saves in the background. */
  private maybeCheckpoint(partition: number, slot: Slot): void {
    const { checkpoint } = this.deps.config;
    const due =
      Date.now() - slot.lastCheckpointAt >= checkpoint.intervalMs ||
      slot.recordsSinceCheckpoint >= checkpoint.records;
    if (!due || slot.saving || slot.recordsSinceCheckpoint === 0) return;
    const offset = slot.state.applied;
    const bytes = encodeCheckpoint(slot.state.snapshot());
    slot.saving = true;
    slot.recordsSinceCheckpoint = 0;
    void this.deps.checkpointer.save(partition, offset, bytes).then((saved) => {
      slot.saving = false;
      this.deps.metrics.checkpoints.inc({ result: saved ? 'saved' : 'failed' });
      if (saved) {
        slot.lastCheckpointAt = Date.now();
        this.deps.metrics.checkpointBytes.observe(bytes.length);
      } else {
        // Not saved: the records stay counted, so the next batch tries again.
        slot.recordsSinceCheckpoint = Math.max(slot.recordsSinceCheckpoint, 1);
      }
    });
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    this.deps.metrics.setPartitions(
      [...this.slots].map(([partition, slot]) => {
        const { keys, buffered } = slot.state.stats();
        const newest = slot.state.newestUpstream;
        const wm = slot.state.watermark;
        return {
          partition,
          keys,
          buffered,
          watermarkLagSeconds:
            newest === undefined || wm === undefined ? undefined : Math.max(0, newest - wm) / 1000,
          checkpointAgeSeconds: (now - slot.lastCheckpointAt) / 1000,
        };
      }),
    );
    if (this.pending.size === 0 || this.restoring) return;
    this.restoring = true;
    try {
      for (const partition of [...this.pending]) {
        await this.restore(partition);
        if (!this.pending.has(partition)) {
          // Revoked while restoring: not ours to hold.
          this.slots.delete(partition);
          continue;
        }
        this.pending.delete(partition);
        this.consumer.resume([{ topic: this.deps.config.topics.repartition, partition }]);
      }
    } catch (error) {
      this.deps.logger.debug({ err: error }, 'restore still failing');
    } finally {
      this.restoring = false;
    }
  }
}
