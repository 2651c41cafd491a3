import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { createLogger, sleep } from '@vigil/core';
import { groupingConfigSchema } from '@vigil/incidents';
import {
  createAdmin,
  createConsumer,
  createKafkaClient,
  createProducer,
  loadKafkaConfig,
} from '@vigil/kafka';
import { holdLeadership, type Leadership } from '@vigil/redis';
import { startHttpServer } from '@vigil/service-http';
import { alertBatchHandler } from './adapters/alert-batch-handler.js';
import { createStores } from './adapters/create-stores.js';
import { incidentBatchHandler } from './adapters/incident-batch-handler.js';
import { KafkaIncidentPublisher } from './adapters/kafka-incident-publisher.js';
import { loadNotifierConfig } from './config/notifier-config.js';
import type { RoutingRuntime } from './engine/notifier-deps.js';
import { NotifierEngine } from './engine/notifier-engine.js';
import { createNotifierMetrics } from './engine/notifier-metrics.js';
import { buildRoutingRuntime } from './engine/routing-runtime.js';
import { notifierProbe } from './http/notifier-probe.js';

const log = createLogger({ name: 'notifier' });
const config = loadNotifierConfig();
const defaults = {
  from: config.VIGIL_SMTP_FROM,
  ...(config.VIGIL_SMTP_HOST === undefined
    ? {}
    : {
        smtp: {
          host: config.VIGIL_SMTP_HOST,
          port: config.VIGIL_SMTP_PORT,
          secure: config.VIGIL_SMTP_SECURE,
          require_tls: false,
          ...(config.VIGIL_SMTP_USER === undefined ? {} : { user: config.VIGIL_SMTP_USER }),
          ...(config.VIGIL_SMTP_PASSWORD === undefined ? {} : { password: config.VIGIL_SMTP_PASSWORD }),
        },
      }),
};

async function loadRouting(): Promise<RoutingRuntime | undefined> {
  const text = await readFile(config.VIGIL_ROUTING_FILE, 'utf8');
  const built = buildRoutingRuntime(text, { file: config.VIGIL_ROUTING_FILE, defaults });
  if (built.ok) return built.runtime;
  log.error({ issues: built.issues }, `routing configuration rejected:\n${built.message}`);
  return undefined;
}

const initial = await loadRouting();
if (initial === undefined) process.exit(1);
let routing: RoutingRuntime = initial;
const stores = await createStores(config.VIGIL_NOTIFIER_STATE, log, config.VIGIL_NOTIFIER_SILENCES_KEY);

const metrics = createNotifierMetrics(true);
const kafka = createKafkaClient(loadKafkaConfig());
if (config.VIGIL_NOTIFIER_ENSURE_TOPICS) {
  const admin = createAdmin(kafka, { logger: log });
  try {
    await admin.ensureTopics(
      [config.VIGIL_NOTIFIER_ALERTS_TOPIC, config.VIGIL_NOTIFIER_INCIDENTS_TOPIC].map((topic) => ({
        topic,
        partitions: config.VIGIL_NOTIFIER_TOPIC_PARTITIONS,
        replicationFactor: config.VIGIL_NOTIFIER_REPLICATION_FACTOR,
      })),
    );
  } catch (error) {
    // An existing topic with another partition count is fine for the notifier: say so and go on.
    log.warn({ err: error }, 'could not ensure topics as configured');
  } finally {
    await admin.disconnect();
  }
}
const producer = createProducer(kafka);
await producer.connect();
const engine = new NotifierEngine({
  store: stores.store,
  publisher: new KafkaIncidentPublisher(producer, config.VIGIL_NOTIFIER_INCIDENTS_TOPIC),
  state: stores.state,
  logSink: stores.logSink,
  routing: () => routing,
  grouping: groupingConfigSchema.parse({
    windowMs: config.VIGIL_INCIDENT_WINDOW_MS,
    entityFields: config.VIGIL_INCIDENT_ENTITY_FIELDS,
  }),
  now: () => new Date(),
  log,
  metrics,
  ...(config.VIGIL_CONSOLE_URL === undefined ? {} : { consoleUrl: config.VIGIL_CONSOLE_URL }),
  outboxMaxAgeMs: config.VIGIL_NOTIFIER_OUTBOX_MAX_AGE_MS,
});

const stopping = new AbortController();
let ready = false;
const lifecycle = { shuttingDown: false };
const consumer = createConsumer(kafka, {
  groupId: config.VIGIL_NOTIFIER_GROUP_ID,
  topics: [config.VIGIL_NOTIFIER_ALERTS_TOPIC],
  handler: alertBatchHandler(engine, log, metrics),
  logger: log,
  shutdownSignals: false,
});
// Changes other services make to incidents (the API) reach the notifier through the topic.
const changes = createConsumer(kafka, {
  groupId: `${config.VIGIL_NOTIFIER_GROUP_ID}-incidents`,
  topics: [config.VIGIL_NOTIFIER_INCIDENTS_TOPIC],
  handler: incidentBatchHandler(engine, log),
  logger: log,
  fromBeginning: false,
  shutdownSignals: false,
});
// All interfaces, as before: the orchestrator's probes come from outside the pod.
const server = await startHttpServer(
  { host: '0.0.0.0', port: config.VIGIL_NOTIFIER_PORT },
  notifierProbe({ live: () => !stopping.signal.aborted, ready: () => ready }, metrics.registry),
  log,
);

process.on('SIGHUP', () => {
  void loadRouting().then((next) => {
    if (next === undefined) return;
    const previous = routing;
    routing = next;
    log.info('routing configuration reloaded');
    for (const channels of previous.receivers.values()) for (const c of channels) void c.channel.close?.();
  });
});

async function tickLoop(): Promise<void> {
  while (!stopping.signal.aborted) {
    try {
      await engine.tick(stopping.signal);
    } catch (error) {
      log.error({ err: error }, 'tick failed; retrying next tick');
    }
    await sleep(config.VIGIL_NOTIFIER_TICK_MS, stopping.signal).catch(() => undefined);
  }
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  });
}

// Shared state means one active instance: its timers and pages are not safe to run twice. A standby
// is healthy and ready (to take over); it waits here until the lease is free.
ready = true;
let leadership: Leadership | undefined;
if (stores.leases !== undefined) {
  try {
    leadership = await holdLeadership(stores.leases, `notifier:${config.VIGIL_NOTIFIER_GROUP_ID}`, {
      ttlMs: config.VIGIL_NOTIFIER_LEASE_TTL_MS,
      owner: `${hostname()}:${process.pid}`,
      signal: stopping.signal,
      logger: log,
    });
  } catch (error) {
    if (!lifecycle.shuttingDown) throw error;
  }
}
let ticking: Promise<void> = Promise.resolve();
if (lifecycle.shuttingDown) await leadership?.release();
else {
  await consumer.start();
  await changes.start();
  ticking = tickLoop();
  log.info({ port: config.VIGIL_NOTIFIER_PORT, routing: config.VIGIL_ROUTING_FILE }, 'notifier started');
  // Lost (renewals failed past the TTL): another instance may be active now; stop, and let the
  // supervisor start this one again as a standby.
  void leadership?.lost.then(() => {
    void shutdown('lease lost').finally(() => process.exit(1));
  });
}

async function shutdown(signal: string): Promise<void> {
  if (lifecycle.shuttingDown) return;
  lifecycle.shuttingDown = true;
  log.info({ signal }, 'stopping');
  ready = false;
  // Stop taking alerts first (the batch in flight is finished and committed), then the timers.
  await consumer.stop();
  await changes.stop();
  stopping.abort(new Error(signal));
  await ticking;
  await leadership?.release();
  await producer.disconnect();
  await stores.close();
  for (const channels of routing.receivers.values()) for (const c of channels) await c.channel.close?.();
  await server?.close();
  log.info('stopped');
}
