import { describe, expect, it } from 'vitest';
import { field, parseOne } from '../testing/parse-one.js';

const opts = { year: 2024 };

describe('PAM', () => {
  it('maps pam_unix authentication failures with rhost and user', () => {
    const ev = parseOne(
      'Nov 2 15:40:14 ws sshd[28179]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.33.63.160  user=workshop',
      opts,
    );
    expect(ev.event).toMatchObject({
      action: 'authentication_failure',
      outcome: 'failure',
      category: ['authentication'],
      type: ['info'],
    });
    expect(ev.user?.name).toBe('workshop');
    expect(ev.source?.ip).toBe('5.33.63.160');
    expect(field(ev, 'system.auth.pam')).toEqual({ module: 'pam_unix', service: 'sshd', type: 'auth' });
  });

  it('puts the requesting user first for sudo-style failures (ruser), the target as effective user', () => {
    const ev = parseOne(
      'Jun  2 19:08:43 h sudo[654321]: pam_unix(sudo:auth): authentication failure; logname=bob uid=1117 euid=0 tty=/dev/pts/1 ruser=alice rhost= user=root',
      opts,
    );
    expect(ev.user).toEqual({ name: 'alice', id: '1117', effective: { name: 'root', id: '0' } });
    expect(ev.source).toBeUndefined();
  });

  it('maps sessions opened and closed', () => {
    const open = parseOne(
      'Oct  6 09:45:15 h su: pam_unix(su-l:session): session opened for user root by milad(uid=0)',
      opts,
    );
    expect(open.event).toMatchObject({ action: 'logged-on', category: ['session'], type: ['start'] });
    expect(open.user).toEqual({ name: 'milad', id: '0', effective: { name: 'root' } });
    const byNobody = parseOne(
      'Oct  6 09:45:15 h sshd[1]: pam_unix(sshd:session): session opened for user moe(uid=1000) by (uid=0)',
      opts,
    );
    expect(byNobody.user).toEqual({ name: 'moe', effective: { name: 'moe' } });
    const closed = parseOne(
      'Oct  6 09:47:13 h sshd[1]: pam_unix(sshd:session): session closed for user root',
      opts,
    );
    expect(closed.event.action).toBe('logged-off');
    expect(closed.user?.name).toBe('root');
  });

  it('reads legacy svc(pam_unix) tags with process.name = the service', () => {
    const ev = parseOne(
      'Nov 11 22:46:29 h su(pam_unix)[23164]: authentication failure; logname= uid=1342 euid=0 tty= ruser=dcid rhost=  user=osaudit',
      opts,
    );
    expect(ev.process).toEqual({ name: 'su', pid: 23164 });
    expect(ev.event.action).toBe('authentication_failure');
    expect(ev.user?.name).toBe('dcid');
  });

  it('maps pam_faillock lockouts, unix_chkpwd failures and password changes', () => {
    const lock = parseOne(
      '2026-05-17T18:00:01Z h sshd[1]: pam_faillock(sshd:auth): Consecutive login failures for user test account temporarily locked',
    );
    expect(lock.event).toMatchObject({ action: 'account-locked', outcome: 'failure' });
    expect(lock.user?.name).toBe('test');
    const chk = parseOne('2026-05-17T18:01:02Z h unix_chkpwd[2]: password check failed for user (testuser)');
    expect(chk.event.action).toBe('authentication_failure');
    expect(chk.user?.name).toBe('testuser');
    const pw = parseOne(
      '2026-05-17T18:01:02Z h passwd[3]: pam_unix(passwd:chauthtok): password changed for bob',
    );
    expect(pw.event).toMatchObject({ action: 'password-changed', outcome: 'success', category: ['iam'] });
    expect(pw.user?.target?.name).toBe('bob');
  });
});

describe('sudo, su and login', () => {
  it('maps sudo commands, wrong passwords and refusals', () => {
    const ok = parseOne(
      'Feb 21 23:35:33 h sudo:  vagrant : TTY=pts/0 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/sh -c echo a ; echo b',
      opts,
    );
    expect(ok.event).toMatchObject({
      action: 'sudo_command',
      outcome: 'success',
      category: ['process'],
      type: ['start'],
    });
    expect(ok.user).toEqual({ name: 'vagrant', effective: { name: 'root' } });
    expect(field(ok, 'system.auth.sudo')).toEqual({
      tty: 'pts/0',
      pwd: '/home/vagrant',
      user: 'root',
      command: '/bin/sh -c echo a ; echo b',
    });
    const bad = parseOne(
      'Jun 25 16:15:45 h sudo:     mike : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/bin/ls',
      opts,
    );
    expect(bad.event).toMatchObject({
      action: 'sudo_auth_failure',
      outcome: 'failure',
      reason: '3 incorrect password attempts',
    });
    const refused = parseOne(
      'Apr 13 08:36:31 h sudo:     ddp2 : user NOT in sudoers ; TTY=ttypZ ; PWD=/home/ddp2 ; USER=root ; COMMAND=/bin/ls',
      opts,
    );
    expect(refused.event).toMatchObject({ action: 'sudo_denied', outcome: 'failure', type: ['denied'] });
  });

  it('maps su in its historical shapes', () => {
    expect(parseOne('Apr 22 17:51:51 h su: dcid to root on /dev/ttyp1', opts).event.outcome).toBe('success');
    const bad = parseOne('Apr 27 15:22:23 h su[234]: BAD SU ger to fwmaster on /dev/ttyp0', opts);
    expect(bad.event).toMatchObject({ action: 'su', outcome: 'failure' });
    expect(bad.user).toEqual({ name: 'ger', effective: { name: 'fwmaster' } });
    expect(parseOne('Apr 27 15:22:23 h su[1]: FAILED su for root by alice', opts).user?.name).toBe('alice');
  });

  it('maps console login failures', () => {
    const ev = parseOne(
      "Apr 27 15:22:23 h login[1]: FAILED LOGIN (1) on '/dev/tty1' FOR 'root', Authentication failure",
      opts,
    );
    expect(ev.event).toMatchObject({ action: 'login', outcome: 'failure' });
    expect(ev.user?.name).toBe('root');
  });
});

describe('account management and logind', () => {
  it('maps user and group creation, deletion and membership like Elastic', () => {
    const add = parseOne(
      'Feb 22 11:47:05 h useradd[6995]: new user: name=apache, UID=48, GID=48, home=/usr/share/httpd, shell=/sbin/nologin',
      opts,
    );
    expect(add.event).toMatchObject({
      action: 'user-added',
      category: ['iam'],
      type: ['user', 'creation'],
      outcome: 'success',
    });
    expect(add.user).toEqual({ name: 'apache', id: '48' });
    expect(add.group).toEqual({ id: '48' });
    const member = parseOne("2026-05-17T18:04:00Z h usermod[1]: add 'testuser' to group 'wheel'");
    expect(member.event.action).toBe('group-member-added');
    expect(member.group?.name).toBe('wheel');
    const gp = parseOne('2026-05-17T18:02:03Z h gpasswd[1]: user alice added by root to group sudo');
    expect(gp.event.action).toBe('group-user-added');
    expect(gp.user).toEqual({ name: 'root', target: { name: 'alice' } });
    const del = parseOne("2026-05-17T18:05:02Z h userdel[1]: delete user 'siem_test'");
    expect(del.event).toMatchObject({ action: 'user-deleted', type: ['user', 'deletion'] });
    expect(del.user?.target?.name).toBe('siem_test');
  });

  it('maps systemd-logind sessions', () => {
    const ev = parseOne('Jan  2 03:04:05 h systemd-logind[1]: New session 42 of user alice.', opts);
    expect(ev.event).toMatchObject({ action: 'session-started', category: ['session'] });
    expect(ev.user?.name).toBe('alice');
    expect(field(ev, 'system.auth.logind.session_id')).toBe('42');
  });
});
