import { api, query } from '../api.js';
import { formatTime, h } from '../dom.js';
import type { Page } from '../page.js';

export interface IncidentDoc {
  readonly id: string;
  readonly title: string;
  readonly state: string;
  readonly level: string;
  readonly severity: number;
  readonly assignee?: string;
  readonly updated_at: string;
  readonly first_seen: string;
  readonly last_seen: string;
  readonly entity: { readonly field: string; readonly value: string };
  readonly alert_ids: readonly string[];
  readonly version: number;
  readonly timeline: readonly {
    at: string;
    actor: string;
    action: string;
    from?: string;
    to?: string;
    note?: string;
  }[];
}

const STATES = ['open', 'acknowledged', 'resolved', 'false_positive', ''] as const;

/** The incident queue, filtered by state, newest change first. */
export const incidentsPage: Page = (root, { params }) => {
  const state = params.get('state') ?? 'open';
  const select = h('select', { attrs: { name: 'state' } });
  for (const option of STATES) {
    const element = h('option', { attrs: { value: option } }, option === '' ? 'all' : option);
    if (option === state) element.selected = true;
    select.append(element);
  }
  select.addEventListener('change', () => (location.hash = `#/incidents${query({ state: select.value })}`));
  const body = h('tbody');
  const message = h('p', { class: 'muted' }, 'loading…');
  root.replaceChildren(
    h('section', {}, h('header', {}, h('h1', {}, 'Incidents'), h('label', {}, 'State ', select)), message),
    h(
      'table',
      { class: 'incidents' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Severity', 'Title', 'State', 'Assignee', 'Alerts', 'Updated'].map((c) => h('th', {}, c)),
        ),
      ),
      body,
    ),
  );
  api<{ hits: IncidentDoc[]; total: { value: number } }>(
    'GET',
    `/api/v1/incidents${query({ state, size: '100' })}`,
  )
    .then((page) => {
      message.textContent = `${page.total.value} incident(s)`;
      for (const incident of page.hits) {
        body.append(
          h(
            'tr',
            { class: `level-${incident.level}` },
            h('td', {}, String(incident.severity)),
            h('td', {}, h('a', { attrs: { href: `#/incidents/${incident.id}` } }, incident.title)),
            h('td', { class: 'state' }, incident.state),
            h('td', {}, incident.assignee ?? ''),
            h('td', {}, String(incident.alert_ids.length)),
            h('td', {}, formatTime(incident.updated_at)),
          ),
        );
      }
    })
    .catch((error: unknown) => (message.textContent = String(error)));
  return undefined;
};
