/**
 * The pure core of the ingestor: one partition's batch of raw messages → the records to produce
 * (events and dead letters) and counts for metrics. No Kafka here, so it is unit-tested directly.
 * Every message ends as ≥1 event, exactly one dead letter, or (Zeek header lines) nothing.
 */
import type { OutgoingMessage } from '@vigil/kafka';
import { validateEvent, type LineParser, type ParseContext } from '@vigil/parsers';
import type { DeadLetter } from '@vigil/schema';
import type { RawRole } from '../config/ingestor-config.js';
import { decodeRawMessage, type DecodedLine } from '../envelope/decode-raw-message.js';
import { deadLetterRecord } from '../records/dead-letter-record.js';
import { eventRecord } from '../records/event-record.js';
import type { HeaderTrail } from '../stream-state/header-trail.js';
import { countInto, emptyStats, type BatchStats } from './batch-stats.js';

export interface RawMessage {
  readonly offset: string;
  readonly value: Buffer | null;
  /** Kafka's timestamp, epoch ms as a string (kafkajs' convention). */
  readonly timestamp: string;
}

export interface RawBatch {
  readonly topic: string;
  readonly partition: number;
  readonly role: RawRole;
  readonly messages: readonly RawMessage[];
}

export interface ProcessOptions {
  readonly deadLetterMaxBytes: number;
}

export interface ProcessedBatch {
  readonly events: OutgoingMessage[];
  readonly deadLetters: OutgoingMessage[];
  readonly stats: BatchStats;
}

function contextOf(decoded: DecodedLine, batch: RawBatch, offset: string, kafkaMs: number): ParseContext {
  const source =
    decoded.dataset === undefined
      ? decoded.file
      : decoded.file === undefined
        ? decoded.dataset
        : `${decoded.dataset} ${decoded.file}`;
  return {
    // The shipper's receive time is the "now" for year inference; Kafka's time when it gave none,
    // which keeps re-processing deterministic (the wall clock would not).
    receivedAt: decoded.receivedAt ?? kafkaMs,
    topic: batch.role,
    origin: { topic: batch.topic, partition: batch.partition, offset },
    ...(decoded.host === undefined ? {} : { hostname: decoded.host }),
    ...(source === undefined ? {} : { source }),
  };
}

/** `trail`, when given, records the lines that configured the stream (Zeek TSV headers). */
export function processBatch(
  batch: RawBatch,
  parser: LineParser,
  options: ProcessOptions,
  trail?: HeaderTrail,
): ProcessedBatch {
  const events: OutgoingMessage[] = [];
  const deadLetters: OutgoingMessage[] = [];
  const stats = emptyStats();
  const dead = (
    message: RawMessage,
    kafkaMs: number,
    stage: DeadLetter['stage'],
    code: string,
    reason: string,
  ): void => {
    countInto(stats.deadLettersByCode, code);
    deadLetters.push(
      deadLetterRecord(
        {
          code,
          reason,
          stage,
          origin: { topic: batch.topic, partition: batch.partition, offset: message.offset },
          original: message.value,
          timestampMs: kafkaMs,
        },
        options.deadLetterMaxBytes,
      ),
    );
  };

  for (const message of batch.messages) {
    stats.lines++;
    const parsed = Number(message.timestamp);
    const kafkaMs = Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
    const decoded = decodeRawMessage(message.value);
    if (!decoded.ok) {
      dead(message, kafkaMs, 'ingest', decoded.code, decoded.reason);
      continue;
    }
    const outcome = parser.parse(decoded.line, contextOf(decoded, batch, message.offset, kafkaMs));
    if (!outcome.ok) {
      dead(message, kafkaMs, 'parse', outcome.code, outcome.reason);
      continue;
    }
    if (outcome.events.length === 0) {
      stats.linesWithoutEvents++;
      if (decoded.line.startsWith('#')) trail?.header(decoded.line);
      continue;
    }
    trail?.data();
    if (outcome.events[0]?.vigil.truncated === true) stats.truncated++;
    const ingested = new Date(kafkaMs).toISOString();
    for (const event of outcome.events) {
      event.event.ingested ??= ingested;
      if (decoded.invalidUtf8) event.vigil['invalid_utf8'] = true;
      const check = validateEvent(event);
      if (!check.ok) {
        // A parser bug, not bad input; the dead letter keeps the line for a fix and a replay.
        dead(
          message,
          kafkaMs,
          'validate',
          'schema',
          `event fails the schema at ${check.path}: ${check.problem}`,
        );
        continue;
      }
      stats.events++;
      countInto(stats.eventsByDataset, event.event.dataset);
      events.push(eventRecord(event));
    }
  }
  return { events, deadLetters, stats };
}
