import { api } from '../api.js';
import { h, formatTime } from '../dom.js';
import type { Page } from '../page.js';

interface AlertDoc {
  readonly id: string;
  readonly '@timestamp': string;
  readonly rule: { readonly title: string; readonly level: string };
  readonly group: Readonly<Record<string, unknown>>;
  readonly count: number;
}

const MAX_ROWS = 200;

function row(alert: AlertDoc): HTMLElement {
  const group = Object.entries(alert.group)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return h(
    'li',
    { class: `alert level-${alert.rule.level}`, attrs: { 'data-alert-id': alert.id } },
    h('span', { class: 'time' }, formatTime(alert['@timestamp'])),
    h('span', { class: 'level' }, alert.rule.level),
    h('span', { class: 'title' }, alert.rule.title),
    h('span', { class: 'group' }, group),
    h('span', { class: 'count' }, `×${alert.count}`),
  );
}

/** The wall screen: alerts as they fire, newest on top, over Server-Sent Events. */
export const livePage: Page = (root) => {
  const status = h('span', { class: 'status' }, 'connecting…');
  const list = h('ul', { class: 'live-alerts' });
  const openCount = h('span', { class: 'big-number' }, '–');
  root.replaceChildren(
    h(
      'section',
      { class: 'wall' },
      h('header', {}, h('h1', {}, 'Live alerts'), h('div', {}, openCount, ' open incidents'), status),
      list,
    ),
  );
  const seen = new Set<string>();
  const add = (alert: AlertDoc, atTop: boolean): void => {
    if (seen.has(alert.id)) return;
    seen.add(alert.id);
    if (atTop) list.prepend(row(alert));
    else list.append(row(alert));
    while (list.children.length > MAX_ROWS) list.lastElementChild?.remove();
  };
  const refreshCount = (): void => {
    api<{ total: { value: number } }>('GET', '/api/v1/incidents?state=open&size=1')
      .then((page) => (openCount.textContent = String(page.total.value)))
      .catch(() => undefined);
  };
  api<{ hits: AlertDoc[] }>('POST', '/api/v1/search/alerts', { size: 50 })
    .then((page) => page.hits.forEach((alert) => add(alert, false)))
    .catch(() => undefined);
  refreshCount();
  const source = new EventSource('/api/v1/live');
  source.addEventListener('open', () => (status.textContent = 'live'));
  source.addEventListener('error', () => (status.textContent = 'reconnecting…'));
  source.addEventListener('alert', (event) =>
    add(JSON.parse((event as MessageEvent<string>).data) as AlertDoc, true),
  );
  source.addEventListener('incident', refreshCount);
  source.addEventListener(
    'gap',
    () => (status.textContent = 'live (some alerts were missed while disconnected; reload to see all)'),
  );
  return () => source.close();
};
