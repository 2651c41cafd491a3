import { api, ApiFailure, query } from '../api.js';
import { formatTime, h, pick } from '../dom.js';
import { can, type Page } from '../page.js';
import type { IncidentDoc } from './incidents.js';

interface Detail {
  readonly incident: IncidentDoc;
  readonly alerts: readonly Record<string, unknown>[];
  readonly evidence: readonly Record<string, unknown>[];
  readonly evidence_truncated: boolean;
}

const HOUR = 3_600_000;

/** A pivot to the raw events of the incident's entity, an hour either side of the incident. */
function pivotHref(incident: IncidentDoc): string {
  const value = incident.entity.value.replace(/["\\]/g, (c) => `\\${c}`);
  return `#/search${query({
    index: 'events',
    q: `${incident.entity.field}:"${value}"`,
    from: new Date(Date.parse(incident.first_seen) - HOUR).toISOString(),
    to: new Date(Date.parse(incident.last_seen) + HOUR).toISOString(),
  })}`;
}

/** One incident: actions, timeline, alerts, evidence events. */
export const incidentDetailPage: Page = (root, { me, rest }) => {
  const message = h('p', { class: 'error', attrs: { role: 'alert' } });
  const load = (): void => {
    api<Detail>('GET', `/api/v1/incidents/${encodeURIComponent(rest)}`)
      .then((detail) => render(detail))
      .catch((error: unknown) => root.replaceChildren(h('p', { class: 'error' }, String(error))));
  };
  const act = (path: string, body: Record<string, unknown>): void => {
    message.textContent = '';
    api('POST', `/api/v1/incidents/${encodeURIComponent(rest)}/${path}`, body)
      .then(load)
      .catch(
        (error: unknown) =>
          (message.textContent = error instanceof ApiFailure ? error.message : String(error)),
      );
  };
  const render = ({ incident, alerts, evidence, evidence_truncated }: Detail): void => {
    const version = incident.version;
    const button = (
      label: string,
      path: string,
      permission: string,
      states: readonly string[],
    ): HTMLElement | undefined =>
      can(me, permission) && states.includes(incident.state)
        ? h(
            'button',
            { attrs: { type: 'button', 'data-action': path }, on: { click: () => act(path, { version }) } },
            label,
          )
        : undefined;
    const note = h('textarea', { attrs: { name: 'note', rows: '2', placeholder: 'Add a note' } });
    const noteForm = can(me, 'incidents:note')
      ? h(
          'form',
          { class: 'note' },
          note,
          h('button', { attrs: { type: 'submit' } }, 'Add note'),
          h(
            'button',
            { attrs: { type: 'button' }, on: { click: () => act('assign', { assignee: me.name, version }) } },
            'Assign to me',
          ),
        )
      : undefined;
    noteForm?.addEventListener('submit', (event) => {
      event.preventDefault();
      if (note.value.trim() !== '') act('notes', { note: note.value, version });
    });
    root.replaceChildren(
      h(
        'section',
        { class: 'incident' },
        h(
          'header',
          {},
          h('h1', {}, incident.title),
          h('span', { class: `badge state-${incident.state}` }, incident.state),
        ),
        h(
          'dl',
          {},
          h('dt', {}, 'Entity'),
          h('dd', {}, `${incident.entity.field} = ${incident.entity.value}`),
          h('dt', {}, 'Severity'),
          h('dd', {}, `${incident.severity} (${incident.level})`),
          h('dt', {}, 'Assignee'),
          h('dd', {}, incident.assignee ?? '—'),
          h('dt', {}, 'Seen'),
          h('dd', {}, `${formatTime(incident.first_seen)} → ${formatTime(incident.last_seen)}`),
        ),
        h(
          'div',
          { class: 'actions' },
          button('Acknowledge', 'acknowledge', 'incidents:ack', ['open']),
          button('Resolve', 'resolve', 'incidents:resolve', ['open', 'acknowledged']),
          button('False positive', 'false-positive', 'incidents:resolve', [
            'open',
            'acknowledged',
            'resolved',
          ]),
          button('Reopen', 'reopen', 'incidents:resolve', ['resolved', 'false_positive']),
          can(me, 'events:search')
            ? h('a', { class: 'pivot', attrs: { href: pivotHref(incident) } }, 'Related events ±1h')
            : undefined,
        ),
        message,
        noteForm,
        h('h2', {}, 'Timeline'),
        h(
          'ol',
          { class: 'timeline' },
          ...incident.timeline.map((entry) =>
            h(
              'li',
              {},
              h('span', { class: 'time' }, formatTime(entry.at)),
              ` ${entry.actor} ${entry.action}`,
              entry.to === undefined ? '' : ` → ${entry.to}`,
              entry.note === undefined ? undefined : h('q', {}, entry.note),
            ),
          ),
        ),
        h('h2', {}, `Alerts (${alerts.length})`),
        h(
          'ul',
          {},
          ...alerts.map((alert) =>
            h(
              'li',
              {},
              `${formatTime(pick(alert, '@timestamp'))} ${pick(alert, 'rule.title')} ×${pick(alert, 'count')}`,
            ),
          ),
        ),
        h('h2', {}, `Evidence events (${evidence.length}${evidence_truncated ? ', truncated' : ''})`),
        h(
          'table',
          { class: 'events' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Dataset'), h('th', {}, 'Message'))),
          h(
            'tbody',
            {},
            ...evidence.map((event) =>
              h(
                'tr',
                {},
                h('td', {}, formatTime(pick(event, '@timestamp'))),
                h('td', {}, pick(event, 'event.dataset')),
                h('td', { class: 'message' }, pick(event, 'message') || pick(event, 'event.original')),
              ),
            ),
          ),
        ),
      ),
    );
  };
  root.replaceChildren(h('p', { class: 'muted' }, 'loading…'));
  load();
  return undefined;
};
