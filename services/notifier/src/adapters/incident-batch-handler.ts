import type { Logger } from '@vigil/core';
import type { BatchHandler } from '@vigil/kafka';
import { incidentSchema } from '@vigil/schema';
import type { NotifierEngine } from '../engine/notifier-engine.js';

/**
 * Feeds `vigil.incidents` to the engine so changes made elsewhere (the API acknowledging,
 * resolving, reopening) stop escalations and reach the receivers. Our own changes come back too;
 * handling them again is a no-op.
 */
export function incidentBatchHandler(engine: NotifierEngine, log: Logger): BatchHandler {
  return async (batch, context) => {
    for (const message of batch.messages) {
      if (context.signal.aborted) return;
      let json: unknown;
      try {
        json = JSON.parse(message.value?.toString('utf8') ?? '');
      } catch {
        json = undefined;
      }
      const parsed = incidentSchema.safeParse(json);
      if (!parsed.success) {
        log.warn(
          { partition: batch.partition, offset: message.offset },
          'skipped a message that is not an incident',
        );
        continue;
      }
      await engine.handleIncidentChange(parsed.data);
    }
  };
}
