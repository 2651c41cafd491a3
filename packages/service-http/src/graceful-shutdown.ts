import type { Logger } from '@vigil/core';

export interface GracefulShutdownOptions {
  readonly logger: Logger;
  /** Finishes in-flight work (commit the batch, flush producers) and disconnects. */
  readonly stop: () => Promise<void>;
  readonly timeoutMs: number;
}

/**
 * SIGTERM/SIGINT stop the service gracefully within `timeoutMs`; a second request or the timeout
 * exits at once with 1; an unhandled rejection is fatal. Returns `stop(why, exitCode)` for the
 * service's own fatal paths.
 */
export function gracefulShutdown(options: GracefulShutdownOptions): (why: string, exitCode: number) => void {
  const { logger, timeoutMs } = options;
  let stopping = false;
  const stop = (why: string, exitCode: number): void => {
    if (stopping) {
      logger.warn({ why }, 'second stop request: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ why }, 'stopping');
    const timer = setTimeout(() => {
      logger.error({ shutdownTimeoutMs: timeoutMs }, 'graceful shutdown timed out: exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    options.stop().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal, 0));
  process.on('unhandledRejection', (error) => {
    logger.fatal({ err: error }, 'unhandled rejection');
    process.exit(1);
  });
  return stop;
}
