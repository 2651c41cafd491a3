import { VigilError } from '@vigil/core';
import {
  entityOf,
  groupAlert,
  reduceIncident,
  type GroupingOutcome,
  type IncidentCommand,
} from '@vigil/incidents';
import { alertHosts, mergeContext } from '@vigil/routing';
import type { Alert, Incident } from '@vigil/schema';
import { sha256Id } from '@vigil/core';
import { drainOutbox } from './drain-outbox.js';
import { advanceEscalationFor, stopEscalationFor } from './escalate.js';
import { flushDueGroup } from './flush-group.js';
import type { NotifierDeps } from './notifier-deps.js';
import { routeIncident } from './route-incident.js';
import { SerialQueue } from './serial-queue.js';
import { saveIncidentChange, type SaveOutcome } from './save-incident.js';

const MAX_GROUPING_RACES = 10;

function reopens(incident: Incident): number {
  return incident.timeline.filter((entry) => entry.action === 'reopened').length;
}
const TIMERS_PER_TICK = 200;
const MAX_TRACKED_ARRIVALS = 10_000;

/**
 * The notifier's logic over its ports: alerts become incidents (stored, published), incidents
 * route into notification groups, due groups and escalations turn into outbox entries, and the
 * outbox is delivered. Every step is idempotent, so a crash anywhere is repaired by re-consuming
 * the alert (Kafka offsets are committed after `handleAlert`) and by the persisted timers and outbox.
 */
export class NotifierEngine {
  /** Alert arrival per incident not yet notified (in memory: a latency measure, not state). */
  private readonly arrivals = new Map<string, number>();
  /** Alerts, commands and timers change shared state one at a time; delivery runs beside them. */
  private readonly serial = new SerialQueue();

  constructor(private readonly deps: NotifierDeps) {}

  handleAlert(alert: Alert): Promise<GroupingOutcome['kind']> {
    return this.serial.run(() => this.groupAndRoute(alert));
  }

  private async groupAndRoute(alert: Alert): Promise<GroupingOutcome['kind']> {
    const { deps } = this;
    const now = deps.now();
    const entity = entityOf(alert, deps.grouping.entityFields);
    let incident: Incident | undefined;
    let kind: GroupingOutcome['kind'] = 'duplicate';
    for (let attempt = 0; attempt < MAX_GROUPING_RACES && incident === undefined; attempt++) {
      const ids = await deps.state.entityIncidents(entity.field, entity.value);
      const candidates = (await Promise.all(ids.map((id) => deps.store.get(id)))).filter(
        (i): i is Incident => i !== undefined,
      );
      const outcome = groupAlert(alert, candidates, deps.grouping, now);
      kind = outcome.kind;
      if (outcome.kind === 'rejected') {
        deps.log.warn({ alert: alert.id, error: outcome.error.message }, 'alert not grouped');
        deps.metrics.alerts.inc({ outcome: 'rejected' });
        return kind;
      }
      if (outcome.kind === 'opened') {
        // Index first: if the create then fails or races, the next read finds the incident.
        await deps.state.addEntityIncident(entity.field, entity.value, outcome.incident.id);
        if ((await deps.store.create(outcome.incident)) === 'exists') continue;
      } else if (outcome.kind === 'attached') {
        if ((await deps.store.update(outcome.incident, outcome.previous.version)) === 'conflict') continue;
      }
      if (outcome.kind !== 'duplicate') {
        await deps.publisher.publish(outcome.incident);
        deps.metrics.incidentChanges.inc({ kind: outcome.kind });
      }
      incident = outcome.incident;
    }
    if (incident === undefined)
      throw new VigilError(`alert ${alert.id}: grouping kept racing`, {
        code: 'GROUPING_RACE',
        retriable: true,
      });
    deps.metrics.alerts.inc({ outcome: kind });
    if (kind === 'opened' && !this.arrivals.has(incident.id)) {
      // Incidents never notified (silenced, say) would pile up: keep the measure bounded.
      if (this.arrivals.size >= MAX_TRACKED_ARRIVALS) this.arrivals.clear();
      this.arrivals.set(incident.id, performance.now());
    }
    const before = (await deps.state.getContext(incident.id)) ?? {};
    const context = mergeContext(before, { datasets: alert.datasets, hosts: alertHosts(alert.group) });
    if (JSON.stringify(context) !== JSON.stringify(before)) await deps.state.setContext(incident.id, context);
    // Also on a duplicate: the previous run may have crashed before routing.
    await routeIncident(deps, incident, now);
    return kind;
  }

  /** A person or integration acts on an incident (the API and PagerDuty webhooks call this). */
  applyCommand(incidentId: string, command: IncidentCommand): Promise<SaveOutcome> {
    return this.serial.run(() => this.command(incidentId, command));
  }

  private async command(incidentId: string, command: IncidentCommand): Promise<SaveOutcome> {
    const { deps } = this;
    const now = deps.now();
    const outcome = await saveIncidentChange(deps.store, deps.publisher, incidentId, (current) =>
      reduceIncident(current, command, now, deps.grouping),
    );
    if (outcome.kind !== 'saved') return outcome;
    deps.metrics.incidentChanges.inc({ kind: command.type });
    await this.followChange(outcome.incident, now);
    return outcome;
  }

  /**
   * An incident changed elsewhere (the API writes incidents too and publishes to
   * `vigil.incidents`): react as to our own commands. Idempotent, so consuming our own
   * publications back is harmless. A newer version replaces the store's copy only where the
   * store is not shared (in memory); with Elasticsearch the change is already there.
   */
  handleIncidentChange(incident: Incident): Promise<void> {
    return this.serial.run(async () => {
      const { deps } = this;
      const known = await deps.store.get(incident.id);
      if (known !== undefined && known.version > incident.version) return;
      if (known === undefined) await deps.store.create(incident);
      else if (known.version < incident.version) await deps.store.update(incident, known.version);
      await this.followChange(incident, deps.now());
    });
  }

  private async followChange(incident: Incident, now: Date): Promise<void> {
    if (incident.state !== 'open') {
      const escalation = await this.deps.state.getEscalation(incident.id);
      if (escalation !== undefined && escalation.stopped === undefined) {
        await stopEscalationFor(
          this.deps,
          incident.id,
          incident.state === 'acknowledged' ? 'acknowledged' : 'resolved',
        );
      }
      await this.tellPaged(incident, now);
    }
    await routeIncident(this.deps, incident, now);
  }

  /** People paged by escalation hear about acknowledge and resolve too (PagerDuty closes its alert). */
  private async tellPaged(incident: Incident, now: Date): Promise<void> {
    const { deps } = this;
    const groupReceivers = new Set<string>();
    for (const key of await deps.state.groupsOf(incident.id)) {
      const group = await deps.state.getGroup(key);
      if (group !== undefined) groupReceivers.add(group.receiver);
    }
    for (const receiver of await deps.state.pagedReceivers(incident.id)) {
      if (groupReceivers.has(receiver)) continue;
      await deps.state.enqueue({
        // Once per state and run (reopen count): later versions in the same state add nothing to tell.
        id: sha256Id('follow-up', incident.id, receiver, incident.state, String(reopens(incident))),
        receiver,
        reason: 'update',
        incidentIds: [incident.id],
        createdMs: now.getTime(),
        attempts: 0,
        nextAttemptMs: now.getTime(),
      });
    }
  }

  /** Runs due timers, then delivers the outbox. Called every second or so by the service. */
  async tick(signal?: AbortSignal): Promise<{ timers: number; notifications: number }> {
    const { deps } = this;
    const timers = await this.serial.run(async () => {
      const now = deps.now();
      const due = await deps.state.dueTimers(now.getTime(), TIMERS_PER_TICK);
      for (const timer of due) {
        if (signal?.aborted === true) break;
        if (timer.kind === 'group') await flushDueGroup(deps, timer.id, now);
        else await advanceEscalationFor(deps, timer.id, now);
      }
      return due;
    });
    const notifications = await drainOutbox(deps, signal, {
      onDelivered: (incidentId) => {
        const started = this.arrivals.get(incidentId);
        if (started === undefined) return;
        this.arrivals.delete(incidentId);
        deps.metrics.alertToDispatch.observe((performance.now() - started) / 1000);
      },
    });
    return { timers: timers.length, notifications };
  }
}
