/**
 * sudo's log line, e.g. `alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls -la`,
 * with an optional error first (`bob : 3 incorrect password attempts ; TTY=... ; COMMAND=...`,
 * `eve : user NOT in sudoers ; ...`). COMMAND is last and may itself contain ` ; `.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, setUser, setUserField, systemAuth } from '../event/draft-helpers.js';

const COMMAND = 'COMMAND=';

export function parseSudo(ev: EventDraft, msg: string): boolean {
  const colon = msg.indexOf(' : ');
  const cmdAt = msg.indexOf(COMMAND);
  if (colon <= 0 || cmdAt < colon) return false;
  const sudo: Record<string, unknown> = {};
  setUser(ev, msg.slice(0, colon).trim());
  const head = msg.slice(colon + 3, cmdAt);
  sudo.command = msg.slice(cmdAt + COMMAND.length);
  let error: string | undefined;
  for (const part of head.split(' ; ')) {
    const seg = part.trim();
    if (seg === '') continue;
    const eq = seg.indexOf('=');
    if (eq > 0 && /^[A-Z_]+$/.test(seg.slice(0, eq))) {
      const key = seg.slice(0, eq).toLowerCase();
      if (key === 'tty' || key === 'pwd' || key === 'user' || key === 'group') sudo[key] = seg.slice(eq + 1);
    } else if (error === undefined) {
      error = seg;
    }
  }
  if (error !== undefined) sudo.error = error;
  systemAuth(ev).sudo = sudo;
  setUserField(ev, 'effective', typeof sudo.user === 'string' ? sudo.user : undefined);
  if (error === undefined) {
    classify(ev, 'sudo_command', ['process'], ['start'], 'success');
  } else if (error.includes('incorrect password')) {
    ev.event.reason = error;
    classify(ev, 'sudo_auth_failure', ['authentication', 'process'], ['info'], 'failure');
  } else {
    ev.event.reason = error;
    classify(ev, 'sudo_denied', ['process'], ['denied'], 'failure');
  }
  return true;
}
