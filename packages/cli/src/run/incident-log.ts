import { join } from 'node:path';
import { RecordLog } from '@vigil/embedded-store';
import type { Incident } from '@vigil/schema';

interface IncidentVersion {
  readonly id: string;
  readonly incident: Incident;
}

/**
 * Every version of every incident the embedded API saved (acknowledged, assigned, resolved...), so
 * a restarted `vigil run` shows the queue as it was. Records are keyed `id@version`: the log only
 * appends, and the highest version of each incident wins on load.
 */
export class IncidentLog {
  private readonly log: RecordLog<IncidentVersion>;

  constructor(dataDir: string) {
    this.log = new RecordLog<IncidentVersion>({ dir: join(dataDir, 'incidents'), name: 'incidents' });
  }

  save(incident: Incident): void {
    this.log.append([{ id: `${incident.id}@${incident.version}`, incident }]);
  }

  *incidents(): IterableIterator<Incident> {
    for (const record of this.log.values()) yield record.incident;
  }

  close(): void {
    this.log.close();
  }
}
