import { api, ApiFailure, setCsrfToken, type Me } from '../api.js';
import { h } from '../dom.js';

export function renderLogin(root: HTMLElement, onSignedIn: (me: Me) => void): void {
  const username = h('input', { attrs: { name: 'username', autocomplete: 'username', required: '' } });
  const password = h('input', {
    attrs: { name: 'password', type: 'password', autocomplete: 'current-password', required: '' },
  });
  const totp = h('input', {
    attrs: { name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', placeholder: 'admins only' },
  });
  const message = h('p', { class: 'error', attrs: { role: 'alert' } });
  const form = h(
    'form',
    { class: 'login' },
    h('h1', {}, 'Vigil'),
    h('label', {}, 'User name', username),
    h('label', {}, 'Password', password),
    h('label', {}, 'Authenticator code', totp),
    h('button', { attrs: { type: 'submit' } }, 'Sign in'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    const body = {
      username: username.value,
      password: password.value,
      ...(totp.value === '' ? {} : { totp: totp.value }),
    };
    api<Me>('POST', '/api/v1/auth/login', body)
      .then((me) => {
        setCsrfToken(me.csrfToken);
        onSignedIn(me);
      })
      .catch((error: unknown) => {
        message.textContent = error instanceof ApiFailure ? error.message : 'cannot reach the server';
      });
  });
  root.replaceChildren(form);
  username.focus();
}
