/**
 * Vigil's own admin-audit line, written by the API service for every privileged action (see the
 * README "Admin audit format"), e.g.
 * `{"@timestamp":"2024-05-01T10:00:00.000Z","vigil_audit":1,"actor":{"name":"alice","roles":["admin"]},"action":"rule.update",
 * "target":{"type":"rule","id":"r-17","name":"SSH brute force"},"source":{"ip":"203.0.113.9"},"mfa":true,"outcome":"success",
 * "session":{"id":"s-9"},"request":{"method":"PUT","path":"/api/rules/r-17"}}`.
 */
import type { EventDraft, Outcome } from '../event/event-draft.js';
import { classify, newDraft, setSource, setUserField } from '../event/draft-helpers.js';
import type { Toolkit } from '../model/toolkit.js';
import { scanIso } from '../time/timestamp-scan.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function isVigilAudit(o: Json): boolean {
  return o.vigil_audit === 1;
}

const VERB_TYPES: Readonly<Record<string, readonly string[]>> = {
  create: ['creation'],
  delete: ['deletion'],
  update: ['change'],
  enable: ['change'],
  disable: ['change'],
  grant: ['change'],
  revoke: ['change'],
  read: ['access'],
  export: ['access'],
  login: ['start'],
  logout: ['end'],
};

export function vigilAuditEvent(rec: Json, tk: Toolkit, original: string): EventDraft {
  const time = str(rec['@timestamp']);
  let ms = Number.NaN;
  if (time !== undefined && scanIso(time, 0, tk.clock, tk.scan) === time.length) ms = tk.scan.ms;
  const fallback = Number.isNaN(ms);
  const ev = newDraft(tk.iso(fallback ? tk.nowMs : ms), original, 'vigil.audit', 'vigil.audit');
  if (fallback) ev.vigil.timestamp_fallback = true;
  const action = str(rec.action) ?? 'unknown';
  const actor = obj(rec.actor);
  const name = str(actor?.name);
  if (name !== undefined) (ev.user ??= {}).name = name;
  const roles = actor?.roles;
  if (Array.isArray(roles) && roles.every((r) => typeof r === 'string')) (ev.user ??= {}).roles = roles;
  setSource(ev, str(obj(rec.source)?.ip));
  const target = obj(rec.target);
  const targetType = str(target?.type);
  if (targetType === 'user') setUserField(ev, 'target', str(target?.name) ?? str(target?.id));
  const request = obj(rec.request);
  const method = str(request?.method);
  if (method !== undefined) ev.http = { request: { method } };
  const path = str(request?.path);
  if (path !== undefined) ev.url = { path, original: path };
  const outcomeText = rec.outcome;
  const outcome: Outcome = outcomeText === 'success' || outcomeText === 'failure' ? outcomeText : 'unknown';
  const verb = action.slice(action.lastIndexOf('.') + 1);
  const isAuth =
    verb === 'login' || verb === 'logout' || action.startsWith('auth.') || action.startsWith('session.');
  const category = isAuth
    ? ['authentication', 'session']
    : targetType === 'user' || targetType === 'role' || targetType === 'token'
      ? ['iam']
      : ['configuration'];
  classify(ev, action, category, VERB_TYPES[verb] ?? ['info'], outcome);
  const reason = str(rec.reason);
  if (reason !== undefined) ev.event.reason = reason;
  const audit: Json = { version: 1 };
  if (typeof rec.mfa === 'boolean') audit.mfa = rec.mfa;
  if (target !== undefined) audit.target = target;
  const session = str(obj(rec.session)?.id);
  if (session !== undefined) audit.session = { id: session };
  ev.vigil.audit = audit;
  return ev;
}
