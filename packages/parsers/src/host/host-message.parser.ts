/**
 * Routes the message of a syslog line from a host authentication program to its parser. Returns
 * the parser name (for `vigil.parser`) when the program is one of the `system.auth` family.
 */
import type { EventDraft } from '../event/event-draft.js';
import { ACCOUNT_PROGRAMS, parseAccount } from './account.parser.js';
import { parseLogind } from './logind.parser.js';
import { isPamMessage, parseLegacyPam, parsePam, parseUnixChkpwd } from './pam.parser.js';
import { parseSshd } from './sshd.parser.js';
import { parseSudo } from './sudo.parser.js';
import { parseLogin, parseSu } from './su.parser.js';

const SSHD = new Set(['sshd', 'sshd-session', 'sshd-auth', 'sshd-keygen']);

export function parseHostMessage(ev: EventDraft, program: string, msg: string): string | undefined {
  const paren = program.indexOf('(pam_');
  if (paren > 0 && program.endsWith(')')) {
    // Legacy `su(pam_unix)[pid]:` tag: process.name is the service.
    const service = program.slice(0, paren);
    (ev.process ??= {}).name = service;
    parseLegacyPam(ev, service, program.slice(paren + 1, -1), msg);
    return 'pam';
  }
  if (isPamMessage(msg)) {
    parsePam(ev, msg);
    return 'pam';
  }
  if (SSHD.has(program)) {
    parseSshd(ev, msg);
    return 'sshd';
  }
  switch (program) {
    case 'sudo':
      parseSudo(ev, msg);
      return 'sudo';
    case 'su':
      parseSu(ev, msg);
      return 'su';
    case 'login':
      parseLogin(ev, msg);
      return 'login';
    case 'unix_chkpwd':
      parseUnixChkpwd(ev, msg);
      return 'unix_chkpwd';
    case 'systemd-logind':
      parseLogind(ev, msg);
      return 'systemd-logind';
    default:
      if (ACCOUNT_PROGRAMS.has(program)) {
        parseAccount(ev, program, msg);
        return 'account';
      }
      return undefined;
  }
}
