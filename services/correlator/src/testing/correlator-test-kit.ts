/**
 * Helpers for the correlator's integration tests and benchmark, against the real local stack:
 * unique topics, groups and Redis keys per test, producing fixture events, collecting a topic.
 */
import { eventKey } from '@vigil/ingestor';
import type { Kafka } from '@vigil/kafka';
import { produceMessages, type TopicCollector } from '@vigil/kafka/testing';
import type { VigilEvent } from '@vigil/schema';
import { serviceOutage, stackEndpoints, uniqueName, waitFor, type Outage } from '@vigil/testing';

/** Environment for a correlator on unique topics, group and Redis prefix, with short timers. */
export function correlatorTestEnv(
  prefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const base = uniqueName(prefix);
  return {
    VIGIL_KAFKA_BROKERS: stackEndpoints.kafkaBrokers.join(','),
    VIGIL_KAFKA_CLIENT_ID: base,
    VIGIL_REDIS_URL: stackEndpoints.redisUrl,
    VIGIL_REDIS_KEY_PREFIX: `${base}:`,
    VIGIL_REDIS_COMMAND_TIMEOUT_MS: '2000',
    VIGIL_REDIS_CONNECT_TIMEOUT_MS: '1000',
    VIGIL_CORRELATOR_GROUP: `${base}-correlator`,
    VIGIL_CORRELATOR_EVENTS_TOPIC: `${base}.events`,
    VIGIL_CORRELATOR_ALERTS_TOPIC: `${base}.alerts`,
    VIGIL_CORRELATOR_LATE_TOPIC: `${base}.late`,
    VIGIL_CORRELATOR_DEADLETTER_TOPIC: `${base}.deadletter`,
    VIGIL_CORRELATOR_REPARTITION_TOPIC: `${base}.repartition`,
    VIGIL_CORRELATOR_HTTP_HOST: '127.0.0.1',
    VIGIL_CORRELATOR_HTTP_PORT: '0',
    VIGIL_CORRELATOR_WATCH_RULES: 'false',
    VIGIL_CORRELATOR_MARKER_INTERVAL_MS: '250',
    VIGIL_CORRELATOR_IDLE_AFTER_MS: '2000',
    VIGIL_CORRELATOR_CHECKPOINT_INTERVAL_MS: '500',
    // Test checkpoints clean themselves up.
    VIGIL_CORRELATOR_CHECKPOINT_TTL_MS: '3600000',
    VIGIL_CORRELATOR_MAX_WAIT_MS: '100',
    // The broker's minimum: a killed member's partitions move on after 6 s, not 30.
    VIGIL_CORRELATOR_SESSION_TIMEOUT_MS: '6000',
    VIGIL_CORRELATOR_COMPRESSION: 'none',
    VIGIL_LOG_LEVEL: process.env['VIGIL_LOG_LEVEL'] ?? 'warn',
    ...extra,
  };
}

/**
 * Produces events keyed like the ingestor does, in their order: each partition receives its
 * events in event-time order, as from an ingestor reading a time-ordered raw stream.
 */
export async function produceEvents(
  kafka: Kafka,
  topic: string,
  events: readonly VigilEvent[],
): Promise<void> {
  const messages = events.map((event) => ({ key: eventKey(event), value: JSON.stringify(event) }));
  await produceMessages(kafka, topic, messages, { chunk: 2_000, compression: 'none' });
}

/** Distinct alert ids in a collector, once `expected` of them arrived and nothing new came for `quietMs`. */
export async function settledAlertIds(
  collector: TopicCollector,
  expected: number,
  options: { timeoutMs?: number; quietMs?: number } = {},
): Promise<string[]> {
  const ids = (): Set<string> =>
    new Set(collector.values.map((value) => (JSON.parse(value) as { id: string }).id));
  let last = -1;
  let stableSince = Date.now();
  await waitFor(
    () => {
      const size = collector.values.length;
      if (size !== last) {
        last = size;
        stableSince = Date.now();
      }
      return ids().size >= expected && Date.now() - stableSince >= (options.quietMs ?? 1_500);
    },
    { timeoutMs: options.timeoutMs ?? 60_000, intervalMs: 200, description: `${expected} distinct alerts` },
  );
  return [...ids()].sort();
}

/** Redis taken away from the correlator (see `serviceOutage`). */
export function redisOutage(): Promise<Outage> {
  return serviceOutage('redis');
}
