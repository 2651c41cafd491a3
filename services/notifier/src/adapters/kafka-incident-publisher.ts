import { jsonMessage, type VigilProducer } from '@vigil/kafka';
import { TOPICS, type Incident } from '@vigil/schema';
import type { IncidentPublisher } from '../ports/incident-store.js';

/** Publishes every incident change to `vigil.incidents`, keyed by incident id (changes stay in order). */
export class KafkaIncidentPublisher implements IncidentPublisher {
  constructor(private readonly producer: VigilProducer) {}

  publish(incident: Incident): Promise<void> {
    return this.producer.send(TOPICS.incidents, [jsonMessage(incident, incident.id)]);
  }
}
