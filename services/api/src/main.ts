import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  AuthService,
  JsonFileAuthStore,
  MemorySessionStore,
  PasswordHasher,
  StreamAuditSink,
  type AuditSink,
} from '@vigil/auth';
import { createLogger, loadConfig } from '@vigil/core';
import { createElasticClient, createIncidentStore, loadElasticConfig } from '@vigil/elastic';
import { createKafkaClient, createProducer, jsonMessage, loadKafkaConfig } from '@vigil/kafka';
import { createRedisConnection, loadRedisConfig } from '@vigil/redis';
import { TOPICS } from '@vigil/schema';
import { bootstrapAdmin } from './app/bootstrap-admin.js';
import { buildApi } from './app/build-api.js';
import { apiEnvSchema, trustProxyOf } from './config/api-config.js';
import { ElasticIncidentService } from './elastic/elastic-incident-service.js';
import { ElasticSearchBackend } from './elastic/elastic-search-backend.js';
import { KafkaAuditSink } from './kafka/kafka-audit-sink.js';
import { KafkaLiveFeed } from './kafka/kafka-live-feed.js';
import { CountingRuleCatalog } from './memory/counting-rule-catalog.js';
import { createMemoryPorts } from './memory/memory-ports.js';
import type { ApiPorts } from './ports/api-ports.js';
import { RedisAuthStore } from './redis/redis-auth-store.js';
import { RedisThrottle } from './redis/redis-throttle.js';
import { RedisSessionStore } from './redis/redis-session-store.js';
import { RedisSilenceStore } from './redis/redis-silence-store.js';
import { seedRuleHits } from './rules/seed-rule-hits.js';
import { sigmaRuleLoader } from './rules/sigma-rule-loader.js';

const config = loadConfig(apiEnvSchema);
const logger = createLogger({ name: 'vigil-api' });
const closers: (() => Promise<void>)[] = [];

// With Elasticsearch and Kafka comes Redis: sessions shared by instances, silences shared with the notifier.
const redis =
  config.VIGIL_API_BACKEND === 'elastic'
    ? createRedisConnection(loadRedisConfig(), { logger, name: 'vigil-api' })
    : undefined;
if (redis !== undefined) closers.push(() => redis.close());

const authStoreKind = config.VIGIL_API_AUTH_STORE ?? (redis === undefined ? 'file' : 'redis');
if (authStoreKind === 'redis' && redis === undefined) {
  logger.fatal('VIGIL_API_AUTH_STORE=redis needs VIGIL_API_BACKEND=elastic (which brings Redis)');
  process.exit(2);
}
const authStore =
  authStoreKind === 'redis' && redis !== undefined
    ? new RedisAuthStore(redis.client)
    : await JsonFileAuthStore.open(config.VIGIL_API_AUTH_FILE);
const auth = new AuthService({
  users: authStore.users,
  tokens: authStore.tokens,
  sessions: redis === undefined ? new MemorySessionStore() : new RedisSessionStore(redis.client),
  // Failed logins counted in Redis: every replica sees them, so more replicas give no more guesses.
  ...(redis === undefined ? {} : { throttle: new RedisThrottle(redis.client) }),
  hasher: new PasswordHasher({ logN: config.VIGIL_API_SCRYPT_LOG_N, r: 8, p: 1 }),
  sessionTtlMs: config.VIGIL_API_SESSION_HOURS * 3_600_000,
  idleTtlMs: config.VIGIL_API_IDLE_MINUTES * 60_000,
});
if (config.VIGIL_API_BOOTSTRAP_ADMIN !== undefined) {
  const message = await bootstrapAdmin(auth, config.VIGIL_API_BOOTSTRAP_ADMIN);
  if (message !== undefined) process.stdout.write(`${message}\n`);
}

const loadRules = sigmaRuleLoader(config.VIGIL_API_RULES_DIRS);
let ports: ApiPorts;
const kafka =
  config.VIGIL_API_BACKEND === 'elastic' || config.VIGIL_API_AUDIT === 'kafka'
    ? createKafkaClient(loadKafkaConfig(), { logger })
    : undefined;
const producer = kafka === undefined ? undefined : createProducer(kafka, { logger });
if (producer !== undefined) {
  await producer.connect();
  closers.push(() => producer.disconnect());
}
const audit: AuditSink =
  config.VIGIL_API_AUDIT === 'kafka' && producer !== undefined
    ? new KafkaAuditSink(producer)
    : config.VIGIL_API_AUDIT === 'file'
      ? StreamAuditSink.file(config.VIGIL_API_AUDIT_FILE)
      : StreamAuditSink.stdout();

if (
  config.VIGIL_API_BACKEND === 'elastic' &&
  kafka !== undefined &&
  producer !== undefined &&
  redis !== undefined
) {
  const elastic = loadElasticConfig();
  const client = createElasticClient(elastic);
  closers.push(() => client.close());
  const live = new KafkaLiveFeed(kafka, { groupId: `vigil-api-live-${hostname()}-${process.pid}`, logger });
  const rules = new CountingRuleCatalog(loadRules);
  live.subscribe((message) => {
    if (message.type === 'alert') rules.recordAlert(message.alert);
  });
  await live.start();
  closers.push(() => live.stop());
  await seedRuleHits(client, elastic.indexPrefix, rules);
  ports = {
    search: new ElasticSearchBackend(client, elastic.indexPrefix),
    incidents: new ElasticIncidentService(
      createIncidentStore(client, { indexPrefix: elastic.indexPrefix, refresh: 'wait_for' }),
      // Other services (the notifier stops paging on acknowledge) learn of changes from Kafka.
      (incident) => producer.send(TOPICS.incidents, [jsonMessage(incident, incident.id)]),
    ),
    silences: new RedisSilenceStore(redis.client, config.VIGIL_API_SILENCES_KEY),
    rules,
    audit,
    live,
  };
} else {
  ports = createMemoryPorts({ loadRules, audit }).ports;
}
const reload = await ports.rules.reload();
logger.info({ loaded: reload.loaded, errors: reload.errors.length }, 'rules loaded');

const defaultConsole = join(import.meta.dirname, '..', 'console', 'dist');
const consoleDir =
  config.VIGIL_API_CONSOLE_DIR ??
  (existsSync(join(defaultConsole, 'index.html')) ? defaultConsole : undefined);
const { app } = await buildApi({
  auth,
  ports,
  logger,
  trustProxy: trustProxyOf(config.VIGIL_API_TRUST_PROXY),
  hsts: config.VIGIL_API_HSTS,
  liveBufferSize: config.VIGIL_API_LIVE_BUFFER,
  ...(consoleDir === undefined ? {} : { consoleDir }),
});
await app.listen({ host: config.VIGIL_API_HOST, port: config.VIGIL_API_PORT });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void app
      .close()
      .then(async () => {
        for (const close of closers.reverse()) await close();
        await audit.close?.();
      })
      .finally(() => process.exit(0));
  });
}
