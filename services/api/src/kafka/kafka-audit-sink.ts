import type { AuditRecord, AuditSink } from '@vigil/auth';
import { jsonMessage, type VigilProducer } from '@vigil/kafka';
import { TOPICS } from '@vigil/schema';

/**
 * Audit records to `vigil.raw.admin`, one JSON line per message: the ingestor parses them like any
 * other log (`vigil.audit` dataset), so Vigil's own rules watch its administrators.
 */
export class KafkaAuditSink implements AuditSink {
  constructor(
    private readonly producer: VigilProducer,
    private readonly topic: string = TOPICS.rawAdmin,
  ) {}

  write(record: AuditRecord): Promise<void> {
    return this.producer.send(this.topic, [jsonMessage(record, record.actor.name)]);
  }
}
