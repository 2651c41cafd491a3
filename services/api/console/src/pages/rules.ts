import { api } from '../api.js';
import { formatTime, h } from '../dom.js';
import type { Page } from '../page.js';

interface Rule {
  readonly id: string;
  readonly title: string;
  readonly level: string;
  readonly type: string;
  readonly hits: number;
  readonly last_hit: string | null;
  readonly source?: { readonly file: string; readonly line: number };
}

/** Loaded rules, most hits first. */
export const rulesPage: Page = (root) => {
  const body = h('tbody');
  root.replaceChildren(
    h('section', {}, h('h1', {}, 'Rules')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...['Level', 'Title', 'Type', 'Hits', 'Last hit', 'File'].map((c) => h('th', {}, c))),
      ),
      body,
    ),
  );
  api<{ rules: Rule[] }>('GET', '/api/v1/rules')
    .then(({ rules }) => {
      const sorted = [...rules].sort((a, b) => b.hits - a.hits || a.title.localeCompare(b.title));
      body.replaceChildren(
        ...sorted.map((rule) =>
          h(
            'tr',
            { class: `level-${rule.level}` },
            h('td', {}, rule.level),
            h('td', {}, rule.title),
            h('td', {}, rule.type),
            h('td', {}, String(rule.hits)),
            h('td', {}, rule.last_hit === null ? '—' : formatTime(rule.last_hit)),
            h(
              'td',
              { class: 'muted' },
              rule.source === undefined ? '' : `${rule.source.file}:${rule.source.line}`,
            ),
          ),
        ),
      );
    })
    .catch((error: unknown) => body.replaceChildren(h('tr', {}, h('td', {}, String(error)))));
  return undefined;
};
