import type { Logger } from '@vigil/core';
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';

/**
 * Broker answers that kafkajs logs at ERROR although they are part of normal operation (joining a
 * group, a rebalance, a topic that is still electing its leader); they are handled by kafkajs itself.
 */
const ROUTINE_RESPONSE_ERRORS: readonly string[] = [
  'The group member needs to have a valid member id before actually entering a consumer group',
  'The group is rebalancing, so a rejoin is needed',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server does not host this topic-partition',
  'This server is not the leader for that topic-partition',
  "The coordinator is loading and hence can't process requests",
  'This is not the correct coordinator for this group',
];

/**
 * kafkajs warnings about expected situations: a rebalance (a member joined or left), and the finite
 * retries Vigil gives its idempotent producer on purpose (delivery is at-least-once, see VigilProducer).
 */
const ROUTINE_WARNINGS: Readonly<Record<string, PinoLevel>> = {
  'The group is rebalancing, re-joining': 'info',
  'Limiting retries for the idempotent producer may invalidate EoS guarantees': 'debug',
};

export type PinoLevel = 'error' | 'warn' | 'info' | 'debug';

/** The pino level for one kafkajs log entry. */
export function pinoLevelOf(entry: LogEntry): PinoLevel {
  switch (entry.level) {
    case logLevel.ERROR: {
      const error = (entry.log as { error?: unknown }).error;
      if (
        entry.namespace === 'Connection' &&
        typeof error === 'string' &&
        ROUTINE_RESPONSE_ERRORS.includes(error)
      ) {
        return 'debug';
      }
      return 'error';
    }
    case logLevel.WARN:
      return ROUTINE_WARNINGS[entry.log.message] ?? 'warn';
    case logLevel.INFO:
      return 'info';
    default:
      return 'debug';
  }
}

/** The kafkajs log level that lets through everything the pino logger would print. */
export function kafkaLogLevelFor(logger: Logger): logLevel {
  if (logger.isLevelEnabled('debug')) return logLevel.DEBUG;
  if (logger.isLevelEnabled('info')) return logLevel.INFO;
  if (logger.isLevelEnabled('warn')) return logLevel.WARN;
  return logLevel.ERROR;
}

/** Routes kafkajs' logs to a pino logger, one child per kafkajs namespace (`Consumer`, `Connection`, ...). */
export function pinoLogCreator(logger: Logger): logCreator {
  const base = logger.child({ component: 'kafkajs' });
  return () => (entry) => {
    const { message, timestamp: _timestamp, logger: _logger, ...fields } = entry.log;
    base[pinoLevelOf(entry)]({ namespace: entry.namespace, ...fields }, message);
  };
}
