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
const shutdownTimeoutMs = config.shutdownTimeoutMs;
let stopping = false;

function stop(why: string, exitCode: number): void {
  if (stopping) {
    logger.warn({ why }, 'second stop request: exiting now');
    process.exit(1);
  }
  stopping = true;
  logger.info({ why }, 'stopping');
  const timer = setTimeout(() => {
    logger.error({ shutdownTimeoutMs }, 'graceful shutdown timed out: exiting');
    process.exit(1);
  }, shutdownTimeoutMs);
  timer.unref();
  correlator.stop().then(
    () => process.exit(exitCode),
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal, 0));
process.on('unhandledRejection', (error) => {
  logger.fatal({ err: error }, 'unhandled rejection');
  process.exit(1);
});

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
