import { jsonMessage, type VigilProducer } from '@vigil/kafka';
import { TOPICS, type Incident } from '@vigil/schema';
import type { IncidentPublisher } from '../ports/incident-store.js';

/** Publishes every incident change to `vigil.incidents`, keyed by incident id (changes stay in order). */
export class KafkaIncidentPublisher implements IncidentPublisher {
  constructor(
    private readonly producer: VigilProducer,
    private readonly topic: string = TOPICS.incidents,
  ) {}

  publish(incident: Incident): Promise<void> {
    return this.producer.send(this.topic, [jsonMessage(incident, incident.id)]);
  }
}
