import { api, ApiFailure, query } from '../api.js';
import { formatTime, h, pick } from '../dom.js';
import { can, type Page } from '../page.js';

interface SearchPage {
  readonly hits: Record<string, unknown>[];
  readonly total: { readonly value: number; readonly relation: string };
  readonly cursor: string | null;
}

interface Histogram {
  readonly interval: string;
  readonly buckets: readonly { key: number; time: string; count: number }[];
}

const COLUMNS: Readonly<Record<string, readonly [string, string][]>> = {
  events: [
    ['Time', '@timestamp'],
    ['Dataset', 'event.dataset'],
    ['Source', 'source.ip'],
    ['User', 'user.name'],
    ['Message', 'message'],
  ],
  alerts: [
    ['Time', '@timestamp'],
    ['Level', 'rule.level'],
    ['Rule', 'rule.title'],
    ['Group', 'group'],
    ['Count', 'count'],
  ],
  incidents: [
    ['Updated', 'updated_at'],
    ['State', 'state'],
    ['Title', 'title'],
    ['Assignee', 'assignee'],
  ],
};

function histogram(data: Histogram): HTMLElement {
  const max = Math.max(1, ...data.buckets.map((bucket) => bucket.count));
  const bars = data.buckets.map((bucket) => {
    const bar = h('div', { class: 'bar', attrs: { title: `${formatTime(bucket.time)}: ${bucket.count}` } });
    // CSSOM, not a style attribute: allowed by the CSP (style-src 'self').
    bar.style.height = `${Math.round((bucket.count / max) * 100)}%`;
    return bar;
  });
  return h('div', { class: 'histogram', attrs: { 'aria-label': `events per ${data.interval}` } }, ...bars);
}

/** Search over events, alerts or incidents, with a histogram over time and cursor paging. */
export const searchPage: Page = (root, { me, params }) => {
  const indexes = ['events', 'alerts', 'incidents'].filter(
    (index) => index !== 'events' || can(me, 'events:search'),
  );
  const index = h(
    'select',
    { attrs: { name: 'index' } },
    ...indexes.map((name) => h('option', { attrs: { value: name } }, name)),
  );
  index.value = params.get('index') ?? indexes[0] ?? 'alerts';
  const q = h('input', {
    class: 'query',
    attrs: {
      name: 'q',
      placeholder: 'source.ip:10.0.0.0/8 and not event.outcome:success',
      spellcheck: 'false',
    },
  });
  q.value = params.get('q') ?? '';
  const from = h('input', { attrs: { name: 'from', placeholder: 'now-24h' } });
  from.value = params.get('from') ?? 'now-24h';
  const to = h('input', { attrs: { name: 'to', placeholder: 'now' } });
  to.value = params.get('to') ?? 'now';
  const message = h('p', { class: 'muted', attrs: { role: 'status' } });
  const chart = h('div');
  const table = h('table', { class: 'results' });
  const more = h('button', { attrs: { type: 'button', hidden: '' } }, 'More');
  const form = h(
    'form',
    { class: 'search' },
    index,
    q,
    from,
    to,
    h('button', { attrs: { type: 'submit' } }, 'Search'),
  );
  root.replaceChildren(h('section', {}, h('h1', {}, 'Search'), form, message, chart, table, more));

  let cursor: string | null = null;
  const columns = (): readonly [string, string][] => COLUMNS[index.value] ?? [];
  const fail = (error: unknown): void => {
    message.textContent = error instanceof ApiFailure ? error.message : String(error);
    message.className = 'error';
  };
  const addRows = (hits: readonly Record<string, unknown>[]): void => {
    const body = table.tBodies[0] ?? table.appendChild(h('tbody'));
    for (const hit of hits) {
      body.append(
        h(
          'tr',
          {},
          ...columns().map(([, path]) =>
            h(
              'td',
              { class: path === 'message' ? 'message' : '' },
              path.endsWith('_at') || path === '@timestamp' ? formatTime(pick(hit, path)) : pick(hit, path),
            ),
          ),
        ),
      );
    }
  };
  const fetchPage = async (): Promise<void> => {
    const body = {
      query: q.value,
      from: from.value,
      to: to.value,
      size: 100,
      ...(cursor === null ? {} : { cursor }),
    };
    const page = await api<SearchPage>('POST', `/api/v1/search/${index.value}`, body);
    addRows(page.hits);
    cursor = page.cursor;
    more.hidden = cursor === null;
    return Promise.resolve().then(() => {
      message.className = 'muted';
      message.textContent = `${page.total.relation === 'gte' ? 'more than ' : ''}${page.total.value} hit(s)`;
    });
  };
  const run = (): void => {
    cursor = null;
    message.textContent = 'searching…';
    table.replaceChildren(
      h('thead', {}, h('tr', {}, ...columns().map(([label]) => h('th', {}, label)))),
      h('tbody'),
    );
    chart.replaceChildren();
    history.replaceState(
      null,
      '',
      `#/search${query({ index: index.value, q: q.value, from: from.value, to: to.value })}`,
    );
    fetchPage().catch(fail);
    api<Histogram>(
      'GET',
      `/api/v1/search/${index.value}/aggs${query({ query: q.value, from: from.value, to: to.value })}`,
    )
      .then((data) => chart.replaceChildren(histogram(data)))
      .catch(() => undefined);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  more.addEventListener('click', () => void fetchPage().catch(fail));
  run();
  return undefined;
};
