/**
 * The ingestor process: `node --import tsx services/ingestor/src/main.ts`. Configured from the
 * environment (README, "Configuration"). SIGTERM/SIGINT stop it gracefully (the batch in flight is
 * finished and committed) and it exits 0; a second signal or the shutdown timeout exits 1 at once,
 * which loses nothing either: uncommitted batches are consumed again after the restart.
 */
import { ConfigError, createLogger } from '@vigil/core';
import { redactKafkaConfig } from '@vigil/kafka';
import { loadIngestorConfig } from './config/load-ingestor-config.js';
import { createIngestor } from './ingestor/create-ingestor.js';
import { gracefulShutdown } from '@vigil/service-http';

let config;
try {
  config = loadIngestorConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}

const logger = createLogger({ name: 'vigil-ingestor', level: config.logLevel });
const ingestor = createIngestor(config, { logger });
const stop = gracefulShutdown({ logger, stop: () => ingestor.stop(), timeoutMs: config.shutdownTimeoutMs });

logger.info({ kafka: redactKafkaConfig(config.kafka), group: config.groupId }, 'starting');
try {
  await ingestor.start();
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}
ingestor.done.catch((error: unknown) => {
  logger.fatal({ err: error }, 'consumer failed');
  stop('fatal error', 1);
});
