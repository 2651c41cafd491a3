import { api, setCsrfToken, type Me } from './api.js';
import { h } from './dom.js';
import { can, type Page } from './page.js';
import { adminPage } from './pages/admin.js';
import { incidentDetailPage } from './pages/incident-detail.js';
import { incidentsPage } from './pages/incidents.js';
import { livePage } from './pages/live.js';
import { renderLogin } from './pages/login.js';
import { rulesPage } from './pages/rules.js';
import { searchPage } from './pages/search.js';
import { silencesPage } from './pages/silences.js';

const PAGES: Readonly<Record<string, Page>> = {
  live: livePage,
  incidents: incidentsPage,
  incident: incidentDetailPage,
  search: searchPage,
  silences: silencesPage,
  rules: rulesPage,
  admin: adminPage,
};

const app = document.getElementById('app') ?? document.body;
let me: Me | undefined;
let cleanup: (() => void) | undefined;

async function whoAmI(): Promise<Me | undefined> {
  try {
    const current = await api<Me>('GET', '/api/v1/auth/me');
    setCsrfToken(current.csrfToken);
    return current;
  } catch {
    return undefined;
  }
}

function nav(current: Me): HTMLElement {
  const signOut = h('button', { attrs: { type: 'button' } }, 'Sign out');
  signOut.addEventListener('click', () => {
    void api('POST', '/api/v1/auth/logout').finally(() => {
      me = undefined;
      setCsrfToken(undefined);
      location.hash = '#/login';
    });
  });
  const link = (hash: string, label: string): HTMLElement => h('a', { attrs: { href: hash } }, label);
  return h(
    'nav',
    {},
    h('strong', {}, 'Vigil'),
    link('#/live', 'Live'),
    link('#/incidents', 'Incidents'),
    link('#/search', 'Search'),
    link('#/silences', 'Silences'),
    link('#/rules', 'Rules'),
    can(current, 'users:manage') ? link('#/admin', 'Admin') : undefined,
    h('span', { class: 'who' }, `${current.name} (${current.role})`),
    signOut,
  );
}

async function route(): Promise<void> {
  cleanup?.();
  cleanup = undefined;
  const [path = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  me ??= await whoAmI();
  if (me === undefined || path === 'login') {
    if (me !== undefined) {
      location.hash = '#/live';
      return;
    }
    renderLogin(app, (signedIn) => {
      me = signedIn;
      location.hash = '#/live';
    });
    return;
  }
  const [name = 'live', ...rest] = path.split('/');
  const page = name === 'incidents' && rest.length > 0 ? PAGES['incident'] : (PAGES[name] ?? PAGES['live']);
  const main = h('main');
  app.replaceChildren(nav(me), main);
  cleanup = page?.(main, { me, params: new URLSearchParams(search), rest: rest.join('/') });
}

window.addEventListener('hashchange', () => void route());
void route();
