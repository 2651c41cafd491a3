/**
 * systemd-logind session bookkeeping, e.g. `New session 42 of user alice.`, `Removed session 42.`,
 * `Session 42 logged out. Waiting for processes to exit.`
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, setUser, systemAuth } from '../event/draft-helpers.js';

const NEW_SESSION = /^New session (\S+) of user (\S+?)\.?$/;
const REMOVED = /^Removed session (\S+?)\.?$/;
const LOGGED_OUT = /^Session (\S+) logged out\./;

export function parseLogind(ev: EventDraft, msg: string): boolean {
  let m = NEW_SESSION.exec(msg);
  if (m !== null) {
    setUser(ev, m[2]);
    systemAuth(ev).logind = { session_id: m[1] };
    classify(ev, 'session-started', ['session'], ['start'], 'success');
    return true;
  }
  if ((m = REMOVED.exec(msg)) !== null) {
    systemAuth(ev).logind = { session_id: m[1] };
    classify(ev, 'session-ended', ['session'], ['end'], 'success');
    return true;
  }
  if ((m = LOGGED_OUT.exec(msg)) !== null) {
    systemAuth(ev).logind = { session_id: m[1] };
    classify(ev, 'session-logged-out', ['session'], ['end'], 'success');
    return true;
  }
  return false;
}
