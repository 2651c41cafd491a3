/**
 * OpenSSH server messages (the part after `sshd[pid]: `), e.g.
 * `Failed password for invalid user admin from 203.0.113.9 port 52214 ssh2`.
 *
 * Regexes are anchored and have at most one unbounded group, or a greedy group followed only by a
 * `.*$` tail, so they run in linear time. User names are matched greedily up to the LAST
 * ` from <addr> port <n>`: an attacker-chosen user name containing ` from 1.2.3.4` cannot move the
 * recorded source. Field names and values follow Elastic's system.auth pipeline.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, endpoint, setSource, setUser, systemAuth, toInt } from '../event/draft-helpers.js';
import * as P from './sshd-patterns.js';

function stripPreauth(s: string): string {
  return s.endsWith(P.PREAUTH) ? s.slice(0, -P.PREAUTH.length) : s;
}

function login(ev: EventDraft, sshEvent: 'Accepted' | 'Failed' | 'Invalid'): void {
  systemAuth(ev).ssh = { event: sshEvent };
  if (sshEvent === 'Accepted') classify(ev, 'ssh_login', ['authentication', 'session'], ['info'], 'success');
  else classify(ev, 'ssh_login', ['authentication'], ['info'], 'failure');
}

function sshFields(ev: EventDraft): Record<string, unknown> {
  const auth = systemAuth(ev);
  return (auth.ssh ??= {}) as Record<string, unknown>;
}

/** `error: PAM: <reason> for [illegal user ]<user> from <host>`, split by hand (linear time). */
function pamError(ev: EventDraft, msg: string): boolean {
  const from = msg.lastIndexOf(' from ');
  if (from < 0) return false;
  const head = msg.slice(P.PAM_ERROR_PREFIX.length, from);
  const forAt = head.indexOf(' for ');
  if (forAt < 0) return false;
  let user = head.slice(forAt + 5);
  if (user.startsWith('illegal user ') || user.startsWith('invalid user ')) user = user.slice(13);
  setUser(ev, user);
  setSource(ev, stripPreauth(msg.slice(from + 6)));
  ev.event.reason = head.slice(0, forAt);
  classify(ev, 'authentication_failure', ['authentication'], ['info'], 'failure');
  return true;
}

function disconnect(ev: EventDraft, m: RegExpExecArray, msg: string): void {
  const kind = m[2];
  setUser(ev, m[3] ?? m[4]);
  setSource(ev, m[5], toInt(m[6]));
  const preauth = msg.endsWith(P.PREAUTH);
  if (kind === 'invalid' || kind === 'illegal' || (preauth && kind === 'authenticating')) {
    // The client gave up or was cut off before authenticating (or named no valid user): a failed login attempt.
    classify(ev, 'ssh_disconnect', ['authentication', 'network'], ['end'], 'failure');
  } else {
    // Leaving before authenticating (`[preauth]`) is a failed session, not a failed login.
    classify(ev, 'ssh_disconnect', ['network'], ['end'], preauth ? 'failure' : undefined);
  }
}

/** Generic fallback: keep a remote address when the message names one (`from <ip>[ port <n>]`). */
function fallbackSource(ev: EventDraft, msg: string): void {
  const at = msg.lastIndexOf(' from ');
  if (at < 0) return;
  const start = at + 6;
  let end = msg.indexOf(' ', start);
  if (end < 0) end = msg.length;
  let addr = msg.slice(start, end);
  if (addr.endsWith(':') || addr.endsWith(',')) addr = addr.slice(0, -1);
  const portAt = msg.startsWith(' port ', end)
    ? toInt(/^\d+/.exec(msg.slice(end + 6, end + 12))?.[0])
    : undefined;
  if (/^[0-9a-fA-F.:]+$/.test(addr)) setSource(ev, addr, portAt);
}

/** First letters PROTOCOL_ERROR can match (D, C, B, e, k, P): most messages skip that regex. */
function mayBeProtocolError(c: number): boolean {
  return c === 68 || c === 67 || c === 66 || c === 101 || c === 107 || c === 80;
}

export function parseSshd(ev: EventDraft, msg: string): void {
  const first = msg.charCodeAt(0);
  let m: RegExpExecArray | null = mayBeProtocolError(first) ? P.PROTOCOL_ERROR.exec(msg) : null;
  if (m !== null) {
    classify(ev, 'ssh_protocol_error', ['network'], ['connection'], 'failure');
    return;
  }
  switch (first) {
    case 65: // A
    case 70: // F
    case 80: // P
      if ((m = P.AUTH.exec(msg)) !== null) {
        const verb = m[1] as 'Accepted' | 'Failed' | 'Postponed';
        setUser(ev, m[4]);
        setSource(ev, m[5], toInt(m[6]));
        if (verb === 'Postponed') {
          // Postponed = waiting for more auth steps; for an invalid user it can only end in failure.
          classify(
            ev,
            'ssh_login_postponed',
            ['authentication'],
            ['info'],
            m[3] === undefined ? 'unknown' : 'failure',
          );
          systemAuth(ev).ssh = { event: 'Postponed' };
        } else login(ev, verb);
        const ssh = sshFields(ev);
        ssh.method = m[2];
        if (m[3] !== undefined) ssh.invalid_user = true;
        if (m[8] !== undefined && m[8] !== '') ssh.signature = m[8];
        return;
      }
      if ((m = P.ADDRESS_MAPS.exec(msg)) !== null) {
        setSource(ev, m[1]);
        classify(ev, 'ssh_reverse_dns_mismatch', ['network'], ['info']);
        return;
      }
      if ((m = P.AUTH_REFUSED.exec(msg)) !== null) {
        classify(ev, 'ssh_auth_refused', ['authentication'], ['info'], 'failure');
        ev.event.reason = m[1] as string;
        return;
      }
      break;
    case 73: // I
      if ((m = P.INVALID.exec(msg)) !== null) {
        setUser(ev, m[2]);
        setSource(ev, m[3], toInt(m[4]));
        login(ev, 'Invalid');
        return;
      }
      break;
    case 68: // D
      if ((m = P.NO_IDENT.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        if (m[1] !== undefined) sshFields(ev).dropped_ip = m[1];
        classify(ev, 'ssh_no_identification', ['network'], ['connection'], 'failure');
        return;
      }
      if ((m = P.TOO_MANY.exec(msg)) !== null) {
        setUser(ev, m[1] ?? m[4]);
        setSource(ev, m[2], toInt(m[3]));
        classify(ev, 'ssh_max_auth_attempts', ['authentication'], ['info'], 'failure');
        return;
      }
      if ((m = P.DISCONNECT.exec(msg)) !== null) return disconnect(ev, m, msg);
      break;
    case 67: // C
      if ((m = P.DISCONNECT.exec(msg)) !== null) return disconnect(ev, m, msg);
      if ((m = P.CLOSED_NO_PORT.exec(msg)) !== null) {
        setSource(ev, m[1]);
        classify(ev, 'ssh_disconnect', ['network'], ['end'], m[2] === undefined ? undefined : 'failure');
        return;
      }
      if ((m = P.CLOSE_SESSION.exec(msg)) !== null) {
        setUser(ev, m[1]);
        setSource(ev, m[2], toInt(m[3]));
        classify(ev, 'ssh_session_closed', ['session'], ['end']);
        return;
      }
      if ((m = P.CONNECTION_FROM.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        setEndpointDestination(ev, m[3], toInt(m[4]));
        classify(ev, 'ssh_connection', ['network'], ['connection', 'start']);
        return;
      }
      break;
    case 82: // R
      if ((m = P.RECEIVED_DISCONNECT.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        ev.event.reason = stripPreauth(m[4] as string);
        classify(ev, 'ssh_disconnect', ['network'], ['end'], msg.endsWith(P.PREAUTH) ? 'failure' : undefined);
        return;
      }
      if ((m = P.READ_ERROR.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        ev.event.reason = m[3] as string;
        classify(ev, 'ssh_connection_error', ['network'], ['error']);
        return;
      }
      break;
    case 85: // U
      if ((m = P.NOT_ALLOWED.exec(msg)) !== null) {
        setUser(ev, m[1]);
        setSource(ev, m[2]);
        ev.event.reason = m[3] as string;
        classify(ev, 'ssh_login', ['authentication'], ['info'], 'failure');
        return;
      }
      if ((m = P.NEGOTIATE.exec(msg)) !== null) return negotiate(ev, m);
      break;
    case 98: // b
      if ((m = P.BANNER.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        ev.event.reason = m[3] as string;
        classify(ev, 'ssh_bad_protocol', ['network'], ['connection'], 'failure');
        return;
      }
      break;
    case 66: // B
      if ((m = P.BAD_PROTOCOL.exec(msg)) !== null) {
        setSource(ev, m[2], toInt(m[3]));
        classify(ev, 'ssh_bad_protocol', ['network'], ['connection'], 'failure');
        return;
      }
      break;
    case 77: // M
      if ((m = P.MAGIC.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        classify(ev, 'ssh_bad_handshake', ['network'], ['connection'], 'failure');
        return;
      }
      break;
    case 83: // S
      if ((m = P.START_SESSION.exec(msg)) !== null) {
        setUser(ev, m[2]);
        setSource(ev, m[3], toInt(m[4]));
        classify(ev, 'ssh_session_started', ['session'], ['start']);
        return;
      }
      break;
    case 101: // e
      if (msg.startsWith(P.PAM_ERROR_PREFIX) && pamError(ev, msg)) return;
      if ((m = P.MAX_AUTH.exec(msg)) !== null) return maxAuth(ev, m);
      if ((m = P.RECEIVED_DISCONNECT.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        ev.event.reason = stripPreauth(m[4] as string);
        classify(ev, 'ssh_disconnect', ['network'], ['end'], 'failure');
        return;
      }
      break;
    case 102: // f
      if ((m = P.NEGOTIATE.exec(msg)) !== null) return negotiate(ev, m);
      if ((m = P.TIMEOUT.exec(msg)) !== null) {
        setSource(ev, m[1], toInt(m[2]));
        classify(ev, 'ssh_auth_timeout', ['authentication'], ['info'], 'failure');
        return;
      }
      break;
    case 109: // m
      if ((m = P.MAX_AUTH.exec(msg)) !== null) return maxAuth(ev, m);
      break;
    case 105: // i
      if ((m = P.USERAUTH_INVALID.exec(msg)) !== null) {
        setUser(ev, m[1]);
        classify(ev, 'ssh_invalid_user', ['authentication'], ['info'], 'failure');
        return;
      }
      break;
    case 114: // r
      if ((m = P.REVERSE.exec(msg)) !== null) {
        setSource(ev, m[2]);
        if (ev.source !== undefined && m[1] !== undefined) ev.source.domain = m[1];
        classify(ev, 'ssh_reverse_dns_mismatch', ['network'], ['info']);
        return;
      }
      if ((m = P.REFUSED.exec(msg)) !== null) {
        setSource(ev, m[2]);
        if (ev.source !== undefined && m[1] !== undefined && m[1] !== m[2]) ev.source.domain = m[1];
        classify(ev, 'ssh_connection_refused', ['network'], ['connection', 'denied'], 'failure');
        return;
      }
      break;
    case 115: // s
      if ((m = P.SUBSYSTEM.exec(msg)) !== null) {
        setUser(ev, m[2]);
        sshFields(ev).subsystem = m[1];
        classify(
          ev,
          'ssh_subsystem_request',
          ['session'],
          ['info'],
          m[3] === undefined ? 'success' : 'failure',
        );
        return;
      }
      if ((m = P.DISPATCH_FATAL.exec(msg)) !== null) {
        setUser(ev, m[1]);
        setSource(ev, m[2], toInt(m[3]));
        ev.event.reason = stripPreauth(m[4] as string);
        classify(ev, 'ssh_protocol_error', ['network'], ['connection'], 'failure');
        return;
      }
      break;
    default:
      break;
  }
  fallbackSource(ev, msg);
}

function maxAuth(ev: EventDraft, m: RegExpExecArray): void {
  setUser(ev, m[1]);
  setSource(ev, m[2], toInt(m[3]));
  classify(ev, 'ssh_max_auth_attempts', ['authentication'], ['info'], 'failure');
}

function negotiate(ev: EventDraft, m: RegExpExecArray): void {
  setSource(ev, m[1], toInt(m[2]));
  if (m[3] !== undefined) ev.event.reason = `no matching ${m[3]} found`;
  classify(ev, 'ssh_negotiation_failed', ['network'], ['connection'], 'failure');
}

function setEndpointDestination(ev: EventDraft, address: string | undefined, port: number | undefined): void {
  if (address !== undefined) ev.destination = endpoint(address, port);
}
