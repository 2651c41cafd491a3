/**
 * su and login messages, in their various historical shapes:
 * `Successful su for root by alice`, `FAILED su for root by alice`, `+ pts/0 alice:root`,
 * `- pts/0 alice:root`, `BAD SU alice to root on /dev/ttyp0`, `alice to root on /dev/ttyp1`,
 * `(to root) alice on pts/0`, `FAILED SU (to root) alice on pts/0`, `failed: ttyq4 changing from alice to root`;
 * login: `FAILED LOGIN (1) on '/dev/tty1' FOR 'root', Authentication failure`, `ROOT LOGIN  on '/dev/tty1'`.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, setSource, setUser, setUserField } from '../event/draft-helpers.js';

const SU_PATTERNS: readonly [RegExp, boolean, number, number][] = [
  // [pattern, success, group of the acting user, group of the target user]
  [/^Successful su for (\S+) by (\S+)/, true, 2, 1],
  [/^FAILED su for (\S+) by (\S+)/, false, 2, 1],
  [/^\+ \S+ ([^:\s]+):(\S+)$/, true, 1, 2],
  [/^- \S+ ([^:\s]+):(\S+)$/, false, 1, 2],
  [/^BAD SU (\S+) to (\S+)/, false, 1, 2],
  [/^FAILED SU \(to (\S+)\) (\S+) on/, false, 2, 1],
  [/^\(to (\S+)\) (\S+) on/, true, 2, 1],
  [/^failed: \S+ changing from (\S+) to (\S+)/, false, 1, 2],
  [/^(\S+) to (\S+) on \S+$/, true, 1, 2],
];

export function parseSu(ev: EventDraft, msg: string): boolean {
  for (const [re, ok, by, to] of SU_PATTERNS) {
    const m = re.exec(msg);
    if (m === null) continue;
    setUser(ev, m[by]);
    setUserField(ev, 'effective', m[to]);
    if (ok) classify(ev, 'su', ['authentication', 'session'], ['start'], 'success');
    else classify(ev, 'su', ['authentication'], ['info'], 'failure');
    return true;
  }
  return false;
}

const LOGIN_FAILED =
  /^FAILED LOGIN \(?\d+\)? (?:on '?([^' ]+)'? )?(?:FROM '?([^' ]+)'? )?FOR '?([^',]+)'?, (.*)$/;
const ROOT_LOGIN = /^ROOT LOGIN +(?:ON|on) '?([^' ]+)'?(?: FROM '?([^' ]+)'?)?/;
const LOGIN_ON = /^LOGIN ON '?([^' ]+)'? BY '?([^' ]+)'?(?: FROM '?([^' ]+)'?)?/;

export function parseLogin(ev: EventDraft, msg: string): boolean {
  let m = LOGIN_FAILED.exec(msg);
  if (m !== null) {
    setUser(ev, m[3]);
    setSource(ev, m[2]);
    ev.event.reason = m[4] as string;
    classify(ev, 'login', ['authentication'], ['info'], 'failure');
    return true;
  }
  if ((m = ROOT_LOGIN.exec(msg)) !== null) {
    setUser(ev, 'root');
    setSource(ev, m[2]);
    classify(ev, 'login', ['authentication', 'session'], ['start'], 'success');
    return true;
  }
  if ((m = LOGIN_ON.exec(msg)) !== null) {
    setUser(ev, m[2]);
    setSource(ev, m[3]);
    classify(ev, 'login', ['authentication', 'session'], ['start'], 'success');
    return true;
  }
  return false;
}
