import type { TopicBatch } from '@vigil/kafka';
import type { CorrelatorConfig } from '../config/correlator-config.js';
import type { CorrelatorMetrics } from '../metrics/correlator-metrics.js';
import type { PartitionOutput } from '../partition/partition-state.js';
import { alertRecord, deadLetterRecord, lateRecord } from '../records/output-records.js';
import type { RateLimitedLog } from './rate-limited-log.js';

/** What a stage-2 batch sends: alerts, late copies and undecodable records, per topic. */
export function outputBatches(
  out: PartitionOutput,
  topics: CorrelatorConfig['topics'],
  origin: { readonly topic: string; readonly partition: number },
  now: number,
): TopicBatch[] {
  const batches: TopicBatch[] = [];
  if (out.alerts.length > 0) batches.push({ topic: topics.alerts, messages: out.alerts.map(alertRecord) });
  if (out.late.length > 0)
    batches.push({ topic: topics.late, messages: out.late.map((late) => lateRecord(late, now)) });
  if (out.invalid.length > 0) {
    batches.push({
      topic: topics.deadLetter,
      messages: out.invalid.map((invalid) =>
        deadLetterRecord({
          code: 'invalid_copy',
          reason: invalid.reason,
          ...(invalid.offset < 0n ? {} : { origin: { ...origin, offset: invalid.offset.toString() } }),
          original: invalid.value,
          now,
        }),
      ),
    });
  }
  return batches;
}

/** Counts a sent stage-2 batch's outputs; rule errors are logged once a minute per rule. */
export function countOutputs(
  out: PartitionOutput,
  metrics: CorrelatorMetrics,
  ruleErrorLog: RateLimitedLog,
): void {
  metrics.eventsApplied.inc(out.events);
  if (out.alerts.length > 0) metrics.alerts.inc({ stage: 'state' }, out.alerts.length);
  if (out.late.length > 0) metrics.late.inc(out.late.length);
  if (out.duplicates > 0) metrics.duplicates.inc(out.duplicates);
  if (out.unknownFamily > 0) metrics.unknownFamily.inc(out.unknownFamily);
  if (out.invalid.length > 0) metrics.deadLetters.inc({ code: 'invalid_copy' }, out.invalid.length);
  for (const error of out.ruleErrors) {
    metrics.ruleErrors.inc({ rule_id: error.ruleId });
    ruleErrorLog.warn(error.ruleId, { ...error }, 'rule threw');
  }
}
