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
import { gracefulShutdown } from '@vigil/service-http';

let config;
try {
  config = loadIndexerConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}

const logger = createLogger({ name: 'vigil-indexer', level: config.logLevel });
const indexer = createIndexer(config, { logger, metrics: new IndexerMetrics({ defaultMetrics: true }) });
const stop = gracefulShutdown({ logger, stop: () => indexer.stop(), timeoutMs: config.shutdownTimeoutMs });

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
