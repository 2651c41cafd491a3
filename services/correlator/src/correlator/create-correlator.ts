/**
 * The correlator process assembled: rules (watched), stage 1 (router) and stage 2 (state) on one
 * producer, the Redis checkpoints, and the health/metrics server. Any number of instances may run
 * with the same configuration: Kafka's group assignment spreads both stages over them.
 */
import { createLogger, retry, type Logger } from '@vigil/core';
import { createAdmin, createKafkaClient, createProducer, type Kafka } from '@vigil/kafka';
import { createRedisConnection, type RedisConnection } from '@vigil/redis';
import { Checkpointer } from '../checkpoint/checkpointer.js';
import type { CorrelatorConfig } from '../config/correlator-config.js';
import type { HealthProbe, KafkaService } from '@vigil/service-http';
import { startHttpServer, type HttpServerHandle } from '@vigil/service-http';
import { CorrelatorMetrics } from '../metrics/correlator-metrics.js';
import { RuleSource, type LoadedRules } from '../rules/rule-source.js';
import { RouterStage } from '../stages/router-stage.js';
import { StateStage } from '../stages/state-stage.js';

export interface CorrelatorDeps {
  /** A kafkajs client; by default one is made from `config.kafka`. */
  readonly kafka?: Kafka;
  readonly redis?: RedisConnection;
  readonly logger?: Logger;
  readonly metrics?: CorrelatorMetrics;
}

export interface Correlator extends KafkaService<CorrelatorMetrics> {
  /** Stage-2 partitions started from a checkpoint or from scratch, since start. */
  readonly restores: { readonly checkpoint: number; readonly empty: number };
}

const START_RETRY = { retries: 8, initialDelayMs: 500, maxDelayMs: 5_000 } as const;

export function createCorrelator(config: CorrelatorConfig, deps: CorrelatorDeps = {}): Correlator {
  const logger = deps.logger ?? createLogger({ name: 'vigil-correlator', level: config.logLevel });
  const kafka = deps.kafka ?? createKafkaClient(config.kafka, { logger });
  const metrics = deps.metrics ?? new CorrelatorMetrics();
  const redis = deps.redis ?? createRedisConnection(config.redis, { logger, name: 'vigil-correlator' });
  const producer = createProducer(kafka, {
    logger: logger.child({ component: 'producer' }),
    compression: config.producer.compression,
    lingerMs: config.producer.lingerMs,
    deliveryTimeoutMs: config.producer.deliveryTimeoutMs,
  });
  const admin = createAdmin(kafka, { logger: logger.child({ component: 'admin' }) });
  const checkpointer = new Checkpointer(
    redis,
    `${config.groupId}:${config.topics.repartition}`,
    logger.child({ component: 'checkpoints' }),
    config.checkpoint.ttlMs,
  );
  const ruleSource = new RuleSource(
    { ...config.rules, maxEvidence: config.engine.maxEvidence },
    logger.child({ component: 'rules' }),
  );
  let rules: LoadedRules | undefined;
  const current = (): LoadedRules => {
    if (rules === undefined) throw new Error('rules are not loaded yet');
    return rules;
  };
  const router = new RouterStage({
    kafka,
    producer,
    admin,
    config,
    logger: logger.child({ component: 'router' }),
    metrics,
    router: () => current().router,
  });
  const state = new StateStage({
    kafka,
    producer,
    admin,
    checkpointer,
    config,
    logger: logger.child({ component: 'state' }),
    metrics,
    families: () => current().topology.families,
  });

  let producerConnected = false;
  let failed: unknown;
  let stopping: Promise<void> | undefined;
  let http: HttpServerHandle | undefined;

  const apply = (loaded: LoadedRules): void => {
    rules = loaded;
    metrics.rules.set(loaded.ruleSet.rules.length);
    metrics.families.set(loaded.topology.families.length);
    for (const warning of loaded.topology.warnings) logger.warn(warning);
    for (const problem of loaded.topology.problems) logger.warn({ rule: problem.ruleId }, problem.message);
  };

  const health = (): Record<string, unknown> => ({
    rules: rules?.ruleSet.rules.length ?? 0,
    families: rules?.topology.families.map((family) => family.id) ?? [],
    checkpoints: checkpointer.status,
    ...(checkpointer.error === undefined ? {} : { checkpointError: checkpointer.error }),
    redis: redis.status,
    producer: producerConnected ? 'connected' : 'disconnected',
    router: { partitions: router.ownedPartitions },
    state: state.partitions,
    restores: { ...state.restores },
    ...(failed === undefined ? {} : { error: failed instanceof Error ? failed.message : 'failed' }),
  });
  const probe: HealthProbe = {
    live: () => failed === undefined,
    ready: () => failed === undefined && stopping === undefined && producerConnected && rules !== undefined,
    detail: health,
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.exposition() }),
  };

  const done = Promise.all([router.consumer.done, state.consumer.done]).then(
    () => undefined,
    (error: unknown) => {
      failed = error;
      throw error;
    },
  );
  done.catch(() => undefined);

  async function ensureTopics(spec: { partitions: number; replicationFactor: number }): Promise<void> {
    const { topics, repartition } = config;
    const plain = [topics.events, topics.alerts, topics.late, topics.deadLetter].map((topic) => ({
      topic,
      ...spec,
    }));
    const result = await admin.ensureTopics([
      ...plain,
      {
        topic: topics.repartition,
        partitions: repartition.partitions,
        replicationFactor: spec.replicationFactor,
        config: { 'retention.ms': String(repartition.retentionMs), 'cleanup.policy': 'delete' },
      },
    ]);
    if (result.created.length > 0) logger.info({ created: result.created }, 'created topics');
  }

  async function shutdown(): Promise<void> {
    ruleSource.close();
    await router.stop();
    await state.stop();
    await producer
      .disconnect()
      .catch((error: unknown) => logger.warn({ err: error }, 'producer disconnect failed'));
    producerConnected = false;
    await admin.disconnect().catch(() => undefined);
    if (deps.redis === undefined) await redis.close();
    await http?.close();
    logger.info('correlator stopped');
  }

  return {
    async start() {
      try {
        http = await startHttpServer(config.http, probe, logger);
        const loaded = await ruleSource.load();
        for (const line of loaded.report) logger.warn(line);
        apply(loaded);
        const spec = config.ensureTopics;
        if (spec !== false) await retry(() => ensureTopics(spec), START_RETRY);
        await retry(() => producer.connect(), START_RETRY);
        producerConnected = true;
        await state.start();
        await router.start();
      } catch (error) {
        failed = error;
        await producer.disconnect().catch(() => undefined);
        await http?.close();
        throw error;
      }
      if (config.rules.watch) {
        ruleSource.watch(
          current().ruleSet,
          (reloaded) => {
            apply(reloaded);
            state.reload(reloaded.topology.families);
            metrics.reloads.inc({ result: 'applied' });
            logger.info({ rules: reloaded.ruleSet.rules.length }, 'rules reloaded');
          },
          (refused) => {
            metrics.reloads.inc({ result: 'refused' });
            for (const line of refused.report) logger.warn(line);
            logger.error({ errors: refused.errors }, 'rule reload refused: keeping the rules in force');
          },
        );
      }
      logger.info(
        {
          families: current().topology.families.map((family) => family.id),
          rules: current().ruleSet.rules.length,
        },
        'correlator running',
      );
    },
    stop() {
      stopping ??= shutdown();
      return stopping;
    },
    done,
    metrics,
    health,
    isReady: () => probe.ready(),
    restores: state.restores,
    get httpPort() {
      return http?.port;
    },
  };
}
