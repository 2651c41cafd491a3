/**
 * Linux-PAM module messages, whatever program logged them, e.g.
 * `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root`,
 * `pam_unix(su-l:session): session opened for user root by alice(uid=1000)`,
 * `pam_faillock(sshd:auth): Consecutive login failures for user bob account temporarily locked`,
 * legacy `su(pam_unix)[123]: authentication failure; ...` and `unix_chkpwd: password check failed for user (bob)`.
 * Values and user-field placement follow Elastic's system.auth pipeline.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, setSource, setUser, setUserField, systemAuth } from '../event/draft-helpers.js';

const HEAD = /^(pam_[a-z0-9_]+)\(([^:()\s]*):([a-z]+)\): /;
const KV = /(\w+)=(\S*)/g;
const SESSION_OPENED = /^session opened for user (\S+?)(?:\(uid=\d+\))? by (\S*?)(?:\(uid=(\d+)\))?$/;
const SESSION_CLOSED = /^session closed for user (\S+)$/;
const PASSWORD_CHANGED = /^password changed for (\S+)$/;
const FAILLOCK = /for user (\S+)/;
const TALLY = /^user (\S+) \((\d+)\) tally (\d+), deny (\d+)/;
const CHKPWD = /^password check failed for user \(?([^\s)]+)\)?/;
const SUCCEED_IF = /^requirement "(.*)" not met by user "(.*)"$/;
const MORE_FAILURES = /^PAM (\d+) more authentication failures?; (.*)$/;
const MAX_RETRIES = /^PAM service\((\S+)\) ignoring max retries; (\d+) > (\d+)/;

/** `logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=root` → fields. */
function authFailure(ev: EventDraft, kvText: string): void {
  const kv: Record<string, string> = {};
  KV.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = KV.exec(kvText)) !== null && guard++ < 32) kv[m[1] as string] = m[2] as string;
  const ruser = kv.ruser ?? '';
  const user = kv.user ?? '';
  if (ruser !== '') {
    // sudo/su style: the requesting user is ruser, the account being authenticated is the target.
    setUser(ev, ruser);
    const uid = kv.uid ?? '';
    if (uid !== '') (ev.user ??= {}).id = uid;
    if (user !== '') {
      const euid = kv.euid ?? '';
      (ev.user ??= {}).effective = euid === '' ? { name: user } : { name: user, id: euid };
    }
  } else {
    setUser(ev, user);
  }
  setSource(ev, kv.rhost);
  classify(ev, 'authentication_failure', ['authentication'], ['info'], 'failure');
}

function pamFields(ev: EventDraft, module: string, service: string, type: string): void {
  systemAuth(ev).pam = { module, service, type };
}

/** Parses the text after `pam_x(svc:type): `. Returns false when nothing was recognized. */
function pamBody(ev: EventDraft, module: string, type: string, body: string): boolean {
  let m: RegExpExecArray | null;
  if (body.startsWith('authentication failure')) {
    const semi = body.indexOf(';');
    authFailure(ev, semi < 0 ? '' : body.slice(semi + 1));
    return true;
  }
  if (module === 'pam_faillock') {
    if ((m = FAILLOCK.exec(body)) !== null) setUser(ev, m[1]);
    classify(ev, 'account-locked', ['authentication'], ['info'], 'failure');
    return true;
  }
  if ((m = TALLY.exec(body)) !== null) {
    setUser(ev, m[1]);
    classify(ev, 'account-locked', ['authentication'], ['info'], 'failure');
    return true;
  }
  if ((m = SESSION_OPENED.exec(body)) !== null) {
    const forUser = m[1] as string;
    const byUser = m[2] ?? '';
    if (byUser !== '') {
      setUser(ev, byUser);
      if (m[3] !== undefined) (ev.user ??= {}).id = m[3];
      setUserField(ev, 'effective', forUser);
    } else {
      // `by (uid=0)` names nobody: the session's user is the subject (Elastic leaves user.name "").
      setUser(ev, forUser);
      setUserField(ev, 'effective', forUser);
    }
    classify(ev, 'logged-on', ['session'], ['start'], 'success');
    return true;
  }
  if ((m = SESSION_CLOSED.exec(body)) !== null) {
    setUser(ev, m[1]);
    classify(ev, 'logged-off', ['session'], ['end'], 'success');
    return true;
  }
  if (type === 'chauthtok') {
    if ((m = PASSWORD_CHANGED.exec(body)) !== null) {
      setUser(ev, m[1]);
      setUserField(ev, 'target', m[1]);
      classify(ev, 'password-changed', ['iam'], ['change'], 'success');
    } else classify(ev, 'password-changed', ['iam'], ['change'], 'failure');
    return true;
  }
  if (body.startsWith('check pass; user unknown')) {
    classify(ev, 'authentication_failure', ['authentication'], ['info'], 'failure');
    ev.event.reason = 'user unknown';
    return true;
  }
  if ((m = SUCCEED_IF.exec(body)) !== null) {
    setUser(ev, m[2]);
    ev.event.reason = `requirement "${m[1] ?? ''}" not met`;
    classify(ev, 'authentication_failure', ['authentication'], ['info'], 'failure');
    return true;
  }
  if (body.includes('authentication failure')) {
    classify(ev, 'authentication_failure', ['authentication'], ['info'], 'failure');
    return true;
  }
  return false;
}

/** True when `msg` is a PAM message this module handles. */
export function isPamMessage(msg: string): boolean {
  return msg.startsWith('pam_') || msg.startsWith('PAM ');
}

/** A message whose text starts with `pam_module(service:type): ` or `PAM `. */
export function parsePam(ev: EventDraft, msg: string): boolean {
  const head = HEAD.exec(msg);
  if (head !== null) {
    const [all, module = '', service = '', type = ''] = head;
    pamFields(ev, module, service, type);
    return pamBody(ev, module, type, msg.slice(all.length));
  }
  let m: RegExpExecArray | null;
  if ((m = MORE_FAILURES.exec(msg)) !== null) {
    authFailure(ev, m[2] as string);
    return true;
  }
  if ((m = MAX_RETRIES.exec(msg)) !== null) {
    classify(ev, 'pam_max_retries', ['authentication'], ['info'], 'failure');
    return true;
  }
  return false;
}

/** Legacy `svc(pam_unix)[pid]: <body>` tags (the module is in the tag, not the message). */
export function parseLegacyPam(ev: EventDraft, service: string, module: string, msg: string): boolean {
  pamFields(ev, module, service, '');
  if (MORE_FAILURES.exec(msg) !== null) return parsePam(ev, msg);
  return pamBody(ev, module, '', msg);
}

/** `unix_chkpwd[pid]: password check failed for user (bob)`. */
export function parseUnixChkpwd(ev: EventDraft, msg: string): boolean {
  const m = CHKPWD.exec(msg);
  if (m !== null) {
    setUser(ev, m[1]);
    classify(ev, 'authentication_failure', ['authentication'], ['info'], 'failure');
    return true;
  }
  if (msg.startsWith('check pass; user unknown')) {
    classify(ev, 'authentication_failure', ['authentication'], ['info'], 'failure');
    ev.event.reason = 'user unknown';
    return true;
  }
  return false;
}
