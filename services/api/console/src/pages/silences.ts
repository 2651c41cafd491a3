import { api, ApiFailure } from '../api.js';
import { formatTime, h } from '../dom.js';
import { can, type Page } from '../page.js';

interface Silence {
  readonly id: string;
  readonly matchers: readonly string[];
  readonly starts_at: string;
  readonly ends_at: string;
  readonly created_by: string;
  readonly comment: string;
}

/** Silences: who muted what until when; responders create and expire them. */
export const silencesPage: Page = (root, { me }) => {
  const message = h('p', { class: 'error', attrs: { role: 'alert' } });
  const body = h('tbody');
  const load = (): void => {
    api<{ silences: Silence[] }>('GET', '/api/v1/silences')
      .then(({ silences }) => {
        const now = Date.now();
        body.replaceChildren(
          ...silences.map((silence) => {
            const active = Date.parse(silence.starts_at) <= now && now < Date.parse(silence.ends_at);
            const expire = h('button', { attrs: { type: 'button' } }, 'Expire');
            expire.addEventListener('click', () => {
              api('DELETE', `/api/v1/silences/${encodeURIComponent(silence.id)}`)
                .then(load)
                .catch(show);
            });
            return h(
              'tr',
              {},
              h('td', {}, silence.matchers.join(', ')),
              h('td', {}, formatTime(silence.starts_at)),
              h('td', {}, formatTime(silence.ends_at)),
              h('td', {}, silence.created_by),
              h('td', {}, silence.comment),
              h('td', {}, active && can(me, 'silences:write') ? expire : active ? 'active' : 'ended'),
            );
          }),
        );
      })
      .catch(show);
  };
  const show = (error: unknown): void => {
    message.textContent = error instanceof ApiFailure ? error.message : String(error);
  };
  const matchers = h('input', {
    attrs: { name: 'matchers', placeholder: 'rule_id="ssh-brute-force", host=~"web-.*"' },
  });
  const duration = h('input', { attrs: { name: 'duration', value: '2h' } });
  const comment = h('input', { attrs: { name: 'comment', placeholder: 'why' } });
  const form = h(
    'form',
    { class: 'silence' },
    matchers,
    duration,
    comment,
    h('button', { attrs: { type: 'submit' } }, 'Silence'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    const list = matchers.value
      .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .map((m) => m.trim())
      .filter((m) => m !== '');
    api('POST', '/api/v1/silences', { matchers: list, duration: duration.value, comment: comment.value })
      .then(load)
      .catch(show);
  });
  root.replaceChildren(
    h('section', {}, h('h1', {}, 'Silences'), can(me, 'silences:write') ? form : undefined, message),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...['Matchers', 'Starts', 'Ends', 'By', 'Comment', ''].map((c) => h('th', {}, c))),
      ),
      body,
    ),
  );
  load();
  return undefined;
};
