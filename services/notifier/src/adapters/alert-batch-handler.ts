import type { Logger } from '@vigil/core';
import type { BatchHandler } from '@vigil/kafka';
import { alertSchema } from '@vigil/schema';
import type { NotifierEngine } from '../engine/notifier-engine.js';
import type { NotifierMetrics } from '../engine/notifier-metrics.js';

/**
 * Feeds a batch of `vigil.alerts` to the engine, in order. The batch is committed only when this
 * resolves, so an alert is handled at least once; the engine makes handling it twice harmless.
 * A message that is not an alert is logged and skipped (it cannot get better by retrying).
 */
export function alertBatchHandler(
  engine: NotifierEngine,
  log: Logger,
  metrics: NotifierMetrics,
): BatchHandler {
  return async (batch, context) => {
    for (const message of batch.messages) {
      if (context.signal.aborted) return;
      let json: unknown;
      try {
        json = JSON.parse(message.value?.toString('utf8') ?? '');
      } catch {
        json = undefined;
      }
      const parsed = alertSchema.safeParse(json);
      if (!parsed.success) {
        metrics.alerts.inc({ outcome: 'invalid' });
        log.warn(
          { partition: batch.partition, offset: message.offset, issues: parsed.error.issues.slice(0, 3) },
          'skipped a message that is not an alert',
        );
        continue;
      }
      await engine.handleAlert(parsed.data);
    }
  };
}
