import type { Logger } from '@vigil/core';
import type { BatchHandler } from '@vigil/kafka';
import { alertSchema } from '@vigil/schema';
import type { NotifierEngine } from '../engine/notifier-engine.js';
import type { NotifierMetrics } from '../engine/notifier-metrics.js';
import { schemaBatchHandler } from './schema-batch-handler.js';

/**
 * Feeds a batch of `vigil.alerts` to the engine, in order. The batch is committed only when this
 * resolves, so an alert is handled at least once; the engine makes handling it twice harmless.
 * A message that is not an alert is counted, logged and skipped.
 */
export function alertBatchHandler(
  engine: NotifierEngine,
  log: Logger,
  metrics: NotifierMetrics,
): BatchHandler {
  return schemaBatchHandler(
    alertSchema,
    (alert) => engine.handleAlert(alert),
    (skipped) => {
      metrics.alerts.inc({ outcome: 'invalid' });
      log.warn(skipped, 'skipped a message that is not an alert');
    },
  );
}
