/**
 * Linux audit records as auditd writes them to /var/log/audit/audit.log, e.g.
 * `type=USER_LOGIN msg=audit(1700000000.123:456): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='op=login acct="root" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
 * optionally prefixed by `node=<host> `. Key/value pairs, including the nested `msg='…'`, are read
 * by a linear scanner; the mapping follows Elastic's auditd module where it is simple.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, newDraft, setSource } from '../event/draft-helpers.js';
import type { Toolkit } from '../model/toolkit.js';

const HEAD = /^(?:node=(\S+) )?type=([A-Z_0-9]+) msg=audit\((\d{1,12})\.(\d{1,6}):(\d+)\): ?/;
const AUTH_TYPES = new Set([
  'USER_AUTH',
  'USER_LOGIN',
  'USER_ERR',
  'USER_ACCT',
  'CRED_ACQ',
  'USER_START',
  'USER_END',
  'CRED_DISP',
  'CRED_REFR',
  'ANOM_LOGIN_FAILURES',
]);
const IAM_TYPES = new Set([
  'ADD_USER',
  'DEL_USER',
  'ADD_GROUP',
  'DEL_GROUP',
  'USER_MGMT',
  'GRP_MGMT',
  'USER_CHAUTHTOK',
  'ACCT_LOCK',
  'ACCT_UNLOCK',
]);
const PROCESS_TYPES = new Set(['SYSCALL', 'EXECVE', 'PROCTITLE', 'CWD', 'PATH']);

/** Reads `k=v k="v w" k='nested k=v'` pairs into `out` (nested pairs are flattened). */
function readPairs(s: string, out: Record<string, string>, depth: number): void {
  let i = 0;
  let guard = 0;
  while (i < s.length && guard++ < 512) {
    while (s.charCodeAt(i) === 32) i++;
    const eq = s.indexOf('=', i);
    if (eq < 0) return;
    const key = s.slice(i, eq);
    let j = eq + 1;
    let value: string;
    const q = s.charCodeAt(j);
    if (q === 34 || q === 39) {
      const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
      const end = close < 0 ? s.length : close;
      value = s.slice(j + 1, end);
      j = end + 1;
      if (q === 39 && depth === 0) {
        readPairs(value, out, 1);
        i = j;
        continue;
      }
    } else {
      const sp = s.indexOf(' ', j);
      const end = sp < 0 ? s.length : sp;
      value = s.slice(j, end);
      j = end;
    }
    if (!key.includes(' ') && key !== '') out[key] = value;
    i = j;
  }
}

export function parseAuditd(line: string, tk: Toolkit, original: string): EventDraft | undefined {
  const head = HEAD.exec(line);
  if (head === null) return undefined;
  const [all, node, type = '', secs = '0', frac = '0', serial = '0'] = head;
  const ms = Number(secs) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
  const ev = newDraft(tk.iso(ms), original, 'auditd.log', 'auditd');
  if (node !== undefined) ev.host = { hostname: node, name: node };
  const kv: Record<string, string> = {};
  readPairs(line.slice(all.length), kv, 0);
  const unset = (v: string | undefined): boolean =>
    v === undefined || v === '?' || v === '' || v === '4294967295' || v === 'unset';
  if (!unset(kv.uid)) (ev.user ??= {}).id = kv.uid as string;
  const acct = kv.acct ?? kv.id;
  if (!unset(acct) && acct !== undefined && !/^\d+$/.test(acct)) (ev.user ??= {}).name = acct;
  if (!unset(kv.auid)) ev.user = { ...ev.user, audit: { id: kv.auid } } as NonNullable<EventDraft['user']>;
  const process: NonNullable<EventDraft['process']> = {};
  if (kv.pid !== undefined && /^\d+$/.test(kv.pid)) process.pid = Number(kv.pid);
  if (kv.comm !== undefined) process.name = kv.comm;
  if (kv.exe !== undefined) (process as Record<string, unknown>).executable = kv.exe;
  if (Object.keys(process).length > 0) ev.process = process;
  if (!unset(kv.addr)) setSource(ev, kv.addr);
  const res = kv.res ?? kv.success;
  const outcome = res === undefined ? undefined : res === 'success' || res === 'yes' ? 'success' : 'failure';
  const category = AUTH_TYPES.has(type)
    ? ['authentication']
    : IAM_TYPES.has(type)
      ? ['iam']
      : PROCESS_TYPES.has(type)
        ? ['process']
        : [];
  classify(ev, type.toLowerCase(), category, ['info'], outcome);
  ev.auditd = {
    log: {
      record_type: type,
      sequence: Number(serial),
      ...(kv.key !== undefined && kv.key !== '(null)' ? { key: kv.key } : {}),
      ...(kv.op !== undefined ? { op: kv.op } : {}),
    },
  };
  return ev;
}
