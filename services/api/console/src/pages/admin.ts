import { api, ApiFailure } from '../api.js';
import { formatTime, h } from '../dom.js';
import type { Page } from '../page.js';

interface User {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly mfa: boolean;
  readonly disabled: boolean;
  readonly created_at: string;
}

interface Token {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly created_by: string;
  readonly created_at: string;
  readonly expires_at?: string;
}

const ROLES = ['viewer', 'analyst', 'responder', 'admin'] as const;

function roleSelect(): HTMLSelectElement {
  return h(
    'select',
    { attrs: { name: 'role' } },
    ...ROLES.map((role) => h('option', { attrs: { value: role } }, role)),
  );
}

/**
 * Users and API tokens (admins only; every change is audited by the API). Secrets the API returns
 * once — a new admin's TOTP secret, a new token — are shown once here, as text, and never stored.
 */
export const adminPage: Page = (root) => {
  const message = h('p', { class: 'error', attrs: { role: 'alert' } });
  const secret = h('p', { class: 'secret', attrs: { role: 'status' } });
  const users = h('tbody');
  const tokens = h('tbody');
  const show = (error: unknown): void => {
    message.textContent = error instanceof ApiFailure ? error.message : String(error);
  };
  const removeButton = (label: string, path: string): HTMLButtonElement => {
    const button = h('button', { attrs: { type: 'button', 'data-action': 'delete' } }, label);
    button.addEventListener('click', () => {
      if (!confirm(`${label}?`)) return;
      api('DELETE', path).then(load).catch(show);
    });
    return button;
  };

  const load = (): void => {
    api<{ users: User[] }>('GET', '/api/v1/users')
      .then(({ users: list }) => {
        users.replaceChildren(
          ...list.map((user) =>
            h(
              'tr',
              {},
              h('td', {}, user.name),
              h('td', {}, user.role),
              h('td', {}, user.mfa ? 'yes' : 'no'),
              h('td', {}, formatTime(user.created_at)),
              h(
                'td',
                {},
                removeButton(`Delete ${user.name}`, `/api/v1/users/${encodeURIComponent(user.id)}`),
              ),
            ),
          ),
        );
      })
      .catch(show);
    api<{ tokens: Token[] }>('GET', '/api/v1/tokens')
      .then(({ tokens: list }) => {
        tokens.replaceChildren(
          ...list.map((token) =>
            h(
              'tr',
              {},
              h('td', {}, token.name),
              h('td', {}, token.role),
              h('td', {}, token.created_by),
              h('td', {}, formatTime(token.created_at)),
              h('td', {}, token.expires_at === undefined ? 'never' : formatTime(token.expires_at)),
              h(
                'td',
                {},
                removeButton(`Revoke ${token.name}`, `/api/v1/tokens/${encodeURIComponent(token.id)}`),
              ),
            ),
          ),
        );
      })
      .catch(show);
  };

  const userName = h('input', { attrs: { name: 'name', placeholder: 'name', required: '' } });
  const userRole = roleSelect();
  const password = h('input', {
    attrs: {
      name: 'password',
      type: 'password',
      autocomplete: 'new-password',
      placeholder: 'initial password',
    },
  });
  const userForm = h(
    'form',
    { class: 'new-user' },
    userName,
    userRole,
    password,
    h('button', { attrs: { type: 'submit' } }, 'Add user'),
  );
  userForm.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    secret.textContent = '';
    api<User & { totp_secret?: string; otpauth_uri?: string }>('POST', '/api/v1/users', {
      name: userName.value,
      role: userRole.value,
      password: password.value,
    })
      .then((created) => {
        password.value = '';
        if (created.totp_secret !== undefined)
          secret.textContent = `${created.name}'s authenticator secret (shown once): ${created.totp_secret} — ${created.otpauth_uri ?? ''}`;
        load();
      })
      .catch(show);
  });

  const tokenName = h('input', {
    attrs: { name: 'token-name', placeholder: 'what it is for', required: '' },
  });
  const tokenRole = roleSelect();
  const tokenForm = h(
    'form',
    { class: 'new-token' },
    tokenName,
    tokenRole,
    h('button', { attrs: { type: 'submit' } }, 'Create token'),
  );
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    secret.textContent = '';
    api<Token & { token: string }>('POST', '/api/v1/tokens', { name: tokenName.value, role: tokenRole.value })
      .then((created) => {
        secret.textContent = `Token for ${created.name} (shown once, store it now): ${created.token}`;
        load();
      })
      .catch(show);
  });

  const table = (columns: readonly string[], body: HTMLElement): HTMLElement =>
    h('table', {}, h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', {}, c)))), body);
  root.replaceChildren(
    h('section', {}, h('h1', {}, 'Users and tokens'), message, secret),
    h('h2', {}, 'Console users'),
    userForm,
    table(['Name', 'Role', 'TOTP', 'Created', ''], users),
    h('h2', {}, 'API tokens'),
    tokenForm,
    table(['Name', 'Role', 'Created by', 'Created', 'Expires', ''], tokens),
  );
  load();
  return undefined;
};
