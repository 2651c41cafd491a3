/**
 * The indexer process: `node --import tsx services/indexer/src/main.ts`. Configured from the
 * environment (README, "Configuration"). SIGTERM/SIGINT stop it gracefully (the batch in flight is
 * written and committed) and it exits 0; a second signal or the shutdown timeout exits 1 at once,
 * which loses nothing either: uncommitted batches are indexed again (idempotent ids) after a restart.
 */
import { ConfigError, createLogger } from '@vigil/core';
import { redactKafkaConfig } from '@vigil/kafka';
import { redactElasticConfig } from '@vigil/elastic';
import { loadIndexerConfig } from './config/load-indexer-config.js';
import { createIndexer } from './indexer/create-indexer.js';
import { IndexerMetrics } from './metrics/indexer-metrics.js';

let config;
try {
  config = loadIndexerConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}

const logger = createLogger({ name: 'vigil-indexer', level: config.logLevel });
const indexer = createIndexer(config, { logger, metrics: new IndexerMetrics({ defaultMetrics: true }) });
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
  indexer.stop().then(
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
  {
    kafka: redactKafkaConfig(config.kafka),
    elastic: redactElasticConfig(config.elastic),
    group: config.groupId,
  },
  'starting',
);
try {
  await indexer.start();
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}
indexer.done.catch((error: unknown) => {
  logger.fatal({ err: error }, 'consumer failed');
  stop('fatal error', 1);
});
