/**
 * shadow-utils account management (useradd, userdel, usermod, groupadd, groupdel, groupmod,
 * gpasswd, passwd, chpasswd, chage), e.g. `new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash`,
 * `delete 'bob' from group 'wheel'`, `user bob added by root to group sudo`.
 * Category/type/outcome follow Elastic's system.auth pipeline (type by program, outcome failure
 * when the message says "fail"); actions follow Elastic's newer pipeline names.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, setUser, setUserField, systemAuth } from '../event/draft-helpers.js';

export const ACCOUNT_PROGRAMS = new Set([
  'useradd',
  'userdel',
  'usermod',
  'groupadd',
  'groupdel',
  'groupmod',
  'gpasswd',
  'passwd',
  'chpasswd',
  'chage',
  'newusers',
]);

const TYPES: Readonly<Record<string, readonly string[]>> = {
  useradd: ['user', 'creation'],
  userdel: ['user', 'deletion'],
  usermod: ['user', 'change'],
  groupadd: ['group', 'creation'],
  groupdel: ['group', 'deletion'],
  groupmod: ['group', 'change'],
};

const NEW_USER = /^new user: name=([^,]*), UID=(\d+), GID=(\d+), home=([^,]*), shell=([^,]*)/;
const NEW_GROUP = /^new group: name=([^,]*), GID=(\d+)/;
const GROUP_ADDED = /^group added to \S+: name=([^,]*)(?:, GID=(\d+))?/;
const MEMBER_ADD = /^add '([^']*)' to (?:shadow )?group '([^']*)'/;
const MEMBER_DELETE = /^delete '([^']*)' from (?:shadow )?group '([^']*)'/;
const DELETE_USER = /^delete user '([^']*)'/;
const REMOVED_GROUP = /^removed (?:shadow )?group '([^']*)'/;
const GROUP_REMOVED = /^group '([^']*)' removed/;
const GPASSWD = /^user (\S+) (added|removed) by (\S+) (?:to|from) group (.*)$/;
const PASSWORD_FOR = /^password for '([^']*)' changed by '([^']*)'/;
const CHANGE_USER = /^(?:change user '([^']*)'|(?:lock|unlock) user '([^']*)'|change user name '([^']*)')/;

export function parseAccount(ev: EventDraft, program: string, msg: string): boolean {
  const types = TYPES[program];
  const isShadow = types !== undefined;
  if (isShadow) classify(ev, undefined, ['iam'], types, msg.includes('fail') ? 'failure' : 'success');
  let m: RegExpExecArray | null;
  if ((m = NEW_USER.exec(msg)) !== null) {
    setUser(ev, m[1]);
    (ev.user ??= {}).id = m[2] as string;
    ev.group = { id: m[3] as string };
    systemAuth(ev).useradd = { home: m[4], shell: m[5] };
    classify(ev, 'user-added', ['iam'], ['user', 'creation'], 'success');
  } else if ((m = NEW_GROUP.exec(msg)) !== null || (m = GROUP_ADDED.exec(msg)) !== null) {
    ev.group = m[2] === undefined ? { name: m[1] as string } : { name: m[1] as string, id: m[2] };
    classify(ev, 'group-added', ['iam'], isShadow ? [] : ['group', 'creation'], 'success');
  } else if ((m = MEMBER_ADD.exec(msg)) !== null) {
    setUser(ev, m[1]);
    ev.group = { name: m[2] as string };
    classify(ev, 'group-member-added', ['iam'], isShadow ? [] : ['user', 'change'], 'success');
  } else if ((m = MEMBER_DELETE.exec(msg)) !== null) {
    setUserField(ev, 'target', m[1]);
    ev.group = { name: m[2] as string };
    classify(ev, 'group-member-removed', ['iam'], isShadow ? [] : ['user', 'change'], 'success');
  } else if ((m = DELETE_USER.exec(msg)) !== null) {
    setUserField(ev, 'target', m[1]);
    classify(ev, 'user-deleted', ['iam'], ['user', 'deletion'], 'success');
  } else if ((m = REMOVED_GROUP.exec(msg)) !== null || (m = GROUP_REMOVED.exec(msg)) !== null) {
    ev.group = { name: m[1] as string };
    classify(ev, 'group-deleted', ['iam'], isShadow ? [] : ['group', 'deletion'], 'success');
  } else if ((m = GPASSWD.exec(msg)) !== null) {
    setUser(ev, m[3]);
    setUserField(ev, 'target', m[1]);
    ev.group = { name: m[4] as string };
    classify(
      ev,
      m[2] === 'added' ? 'group-user-added' : 'group-user-removed',
      ['iam'],
      ['change'],
      'success',
    );
  } else if ((m = PASSWORD_FOR.exec(msg)) !== null) {
    setUser(ev, m[2]);
    setUserField(ev, 'target', m[1]);
    classify(ev, 'password-changed', ['iam'], ['user', 'change'], 'success');
  } else if ((m = CHANGE_USER.exec(msg)) !== null) {
    setUserField(ev, 'target', m[1] ?? m[2] ?? m[3]);
    classify(ev, 'user-modified', ['iam'], ['user', 'change']);
  } else if (msg.startsWith('failed adding user')) {
    classify(ev, 'user-added', ['iam'], ['user', 'creation'], 'failure');
  } else {
    return isShadow;
  }
  return true;
}
