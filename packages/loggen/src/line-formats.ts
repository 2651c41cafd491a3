/**
 * Line builders for the formats Vigil ingests, as real software writes them. Timestamps are
 * event time in ms since the epoch (UTC).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** rsyslog's RSYSLOG_FileFormat: `2026-11-27T10:00:00.123456+00:00 host prog[pid]: msg`. */
export function isoSyslog(ms: number, host: string, program: string, pid: number, message: string): string {
  const iso = new Date(ms).toISOString().replace('Z', '000+00:00');
  return `${iso} ${host} ${program}[${pid}]: ${message}`;
}

/** RFC 3164 as written by classic syslog daemons: `Nov 27 10:00:00 host prog[pid]: msg` (no year). */
export function bsdSyslog(
  ms: number,
  host: string,
  program: string,
  pid: number | null,
  message: string,
): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  const tag = pid === null ? program : `${program}[${pid}]`;
  return `${MONTHS[d.getUTCMonth()] ?? 'Jan'} ${day} ${time} ${host} ${tag}: ${message}`;
}

/** One web request as an access-log line, in some format. */
export type AccessLine = (
  ms: number,
  clientIp: string,
  method: string,
  path: string,
  status: number,
  bytes: number,
  userAgent: string,
) => string;

/** nginx `combined` log format. */
export const nginxCombined: AccessLine = (ms, clientIp, method, path, status, bytes, userAgent) => {
  const d = new Date(ms);
  const stamp = `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? 'Jan'}/${d.getUTCFullYear()}:${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
  return `${clientIp} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "-" "${userAgent}"`;
};

/**
 * The same request as an nginx `escape=json` access log with a millisecond `@timestamp` (as log
 * shippers such as Vector or Fluent Bit write it from `$msec`): sub-second, unlike `combined`.
 */
export const nginxJson: AccessLine = (ms, clientIp, method, path, status, bytes, userAgent) =>
  JSON.stringify({
    '@timestamp': new Date(ms).toISOString(),
    remote_addr: clientIp,
    request: `${method} ${path} HTTP/1.1`,
    status,
    body_bytes_sent: bytes,
    http_referer: '',
    http_user_agent: userAgent,
  });

/** A kernel netfilter line as ufw logs it (inside an ISO syslog envelope). */
export function ufwLine(
  ms: number,
  host: string,
  action: 'BLOCK' | 'ALLOW',
  src: string,
  dst: string,
  proto: 'TCP' | 'UDP',
  spt: number,
  dpt: number,
): string {
  const uptime = ((ms / 1000) % 100000).toFixed(6).padStart(12, ' ');
  const flags = proto === 'TCP' ? ' WINDOW=1024 RES=0x00 SYN URGP=0' : '';
  return isoSyslog(
    ms,
    host,
    'kernel',
    0,
    `[${uptime}] [UFW ${action}] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=${src} DST=${dst} LEN=44 TOS=0x00 PREC=0x00 TTL=49 ID=54321 PROTO=${proto} SPT=${spt} DPT=${dpt} LEN=24${flags}`,
  ).replace('kernel[0]:', 'kernel:');
}

/** One AWS CloudTrail record as a JSON line. */
export function cloudTrailConsoleLogin(
  ms: number,
  user: string,
  ip: string,
  mfa: boolean,
  ok: boolean,
): string {
  return JSON.stringify({
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: `arn:aws:iam::123456789012:user/${user}`,
      accountId: '123456789012',
      userName: user,
    },
    eventTime: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: ip,
    userAgent: 'Mozilla/5.0',
    requestParameters: null,
    responseElements: { ConsoleLogin: ok ? 'Success' : 'Failure' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/',
      MobileVersion: 'No',
      MFAUsed: mfa ? 'Yes' : 'No',
    },
    eventID: `demo-${ms.toString(36)}-${user}`,
    eventType: 'AwsConsoleSignIn',
    recipientAccountId: '123456789012',
  });
}
