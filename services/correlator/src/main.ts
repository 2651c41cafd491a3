/**
 * The correlator process: `node --import tsx services/correlator/src/main.ts`. Configured from the
 * environment (README, "Configuration"). SIGTERM/SIGINT stop it gracefully (batches in flight are
 * finished, held partitions checkpointed) and it exits 0; a second signal or the shutdown timeout
 * exits 1 at once, which loses nothing either: stage 2 replays from its last checkpoint.
 */
import { ConfigError, createLogger } from '@vigil/core';
import { redactKafkaConfig } from '@vigil/kafka';
import { redactRedisConfig } from '@vigil/redis';
import { loadCorrelatorConfig } from './config/load-correlator-config.js';
import { createCorrelator } from './correlator/create-correlator.js';
import { CorrelatorMetrics } from './metrics/correlator-metrics.js';
import { gracefulShutdown } from '@vigil/service-http';

let config;
try {
  config = loadCorrelatorConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}

const logger = createLogger({ name: 'vigil-correlator', level: config.logLevel });
const correlator = createCorrelator(config, {
  logger,
  metrics: new CorrelatorMetrics({ defaultMetrics: true }),
});
const stop = gracefulShutdown({ logger, stop: () => correlator.stop(), timeoutMs: config.shutdownTimeoutMs });

logger.info(
  { kafka: redactKafkaConfig(config.kafka), redis: redactRedisConfig(config.redis), group: config.groupId },
  'starting',
);
try {
  await correlator.start();
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}
correlator.done.catch((error: unknown) => {
  logger.fatal({ err: error }, 'consumer failed');
  stop('fatal error', 1);
});
