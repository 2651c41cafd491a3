import type { Logger } from '@vigil/core';
import type { BatchHandler } from '@vigil/kafka';
import { incidentSchema } from '@vigil/schema';
import type { NotifierEngine } from '../engine/notifier-engine.js';
import { schemaBatchHandler } from './schema-batch-handler.js';

/**
 * Feeds `vigil.incidents` to the engine so changes made elsewhere (the API acknowledging,
 * resolving, reopening) stop escalations and reach the receivers. Our own changes come back too;
 * handling them again is a no-op.
 */
export function incidentBatchHandler(engine: NotifierEngine, log: Logger): BatchHandler {
  return schemaBatchHandler(
    incidentSchema,
    (incident) => engine.handleIncidentChange(incident),
    (skipped) =>
      log.warn(
        { partition: skipped.partition, offset: skipped.offset },
        'skipped a message that is not an incident',
      ),
  );
}
