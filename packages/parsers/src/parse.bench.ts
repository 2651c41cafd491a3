/**
 * Parser throughput: `node --import tsx packages/parsers/src/parse.bench.ts [lines]`.
 * 1M generated sshd lines through parse + the hot-path validation (`validateEvent`), on one core;
 * then the same with zod's safeParse for comparison, and a mixed-format stream. Prints one JSON line.
 */
import os from 'node:os';
import { stableId } from '@vigil/core';
import { eventSchema } from '@vigil/schema';
import { createLineParser } from './line/create-line-parser.js';
import { validateEvent } from './validate/validate-event.js';

const N = Number(process.argv[2] ?? 1_000_000);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const USERS = ['root', 'admin', 'oracle', 'ubuntu', 'test', 'git', 'postgres', 'alice'];

/** Deterministic xorshift so runs are comparable. */
let seed = 0x9e3779b9;
function rnd(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

function stamp(i: number): string {
  const t = new Date(Date.UTC(2024, 0, 1) + i * 250);
  const day = String(t.getUTCDate()).padStart(2, ' ');
  const hms = t.toISOString().slice(11, 19);
  return `${MONTHS[t.getUTCMonth()] ?? 'Jan'} ${day} ${hms}`;
}

function ip(): string {
  return `${1 + rnd(223)}.${rnd(256)}.${rnd(256)}.${rnd(256)}`;
}

function sshdLine(i: number): string {
  const head = `${stamp(i)} bastion sshd[${1000 + rnd(60000)}]: `;
  const user = USERS[rnd(USERS.length)] ?? 'root';
  switch (rnd(4)) {
    case 0:
      return `${head}Failed password for ${user} from ${ip()} port ${1024 + rnd(60000)} ssh2`;
    case 1:
      return `${head}Failed password for invalid user ${user} from ${ip()} port ${1024 + rnd(60000)} ssh2`;
    case 2:
      return `${head}Invalid user ${user} from ${ip()} port ${1024 + rnd(60000)}`;
    default:
      return `${head}Accepted publickey for ${user} from ${ip()} port ${1024 + rnd(60000)} ssh2: ED25519 SHA256:Zx8aQ1${rnd(1e6)}`;
  }
}

function mixedLine(i: number): string {
  switch (rnd(8)) {
    case 0:
    case 1:
      return sshdLine(i);
    case 2:
      return `${stamp(i)} web1 sshd[${rnd(9999)}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip()}  user=root`;
    case 3:
      return `${stamp(i)} web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx`;
    case 4:
      return `${stamp(i)} fw kernel: [${rnd(99999)}.123456] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=${ip()} DST=192.0.2.10 LEN=44 TOS=0x00 PREC=0x00 TTL=49 ID=${rnd(65535)} PROTO=TCP SPT=${rnd(65535)} DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0`;
    case 5:
      return `${ip()} - - [10/Oct/2024:13:55:${String(rnd(60)).padStart(2, '0')} +0000] "GET /wp-login.php?x=${rnd(1000)} HTTP/1.1" ${rnd(2) === 0 ? 200 : 429} ${rnd(5000)} "-" "Mozilla/5.0 (X11; Linux x86_64)"`;
    case 6:
      return `{"ts":${1.7e9 + i},"uid":"C${rnd(1e9)}","id.orig_h":"${ip()}","id.orig_p":${rnd(65535)},"id.resp_h":"10.0.0.5","id.resp_p":22,"proto":"tcp","service":"ssh","duration":0.5,"orig_bytes":100,"resp_bytes":200,"conn_state":"SF","local_orig":false,"local_resp":true,"missed_bytes":0,"history":"ShADadFf","orig_pkts":10,"orig_ip_bytes":900,"resp_pkts":9,"resp_ip_bytes":1200}`;
    default:
      return `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"alice","accountId":"123456789012"},"eventTime":"2024-01-02T03:04:05Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"${ip()}","responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"}}`;
  }
}

function run(
  lines: readonly string[],
  validate: 'fast' | 'zod',
): { linesPerSec: number; events: number; invalid: number } {
  const parser = createLineParser({ year: 2024, timezone: 'UTC' });
  let events = 0;
  let invalid = 0;
  const start = process.hrtime.bigint();
  for (const line of lines) {
    const o = parser.parse(line);
    if (!o.ok) continue;
    for (const ev of o.events) {
      events++;
      const good = validate === 'fast' ? validateEvent(ev).ok : eventSchema.safeParse(ev).success;
      if (!good) invalid++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { linesPerSec: Math.round(lines.length / seconds), events, invalid };
}

/** Reference costs on this machine right now (the brief's idle numbers: regex 2.9M/s, zod 1.56M/s). */
function calibrate(lines: readonly string[]): {
  regexPerSec: number;
  jsonParsePerSec: number;
  stableIdPerSec: number;
} {
  const re =
    /^(\w{3}) +(\d+) (\d\d:\d\d:\d\d) (\S+) sshd\[(\d+)\]: (Failed|Accepted) (\S+) for (.*) from (\S+) port (\d+)/;
  let t = process.hrtime.bigint();
  let hits = 0;
  for (const l of lines) if (re.exec(l) !== null) hits++;
  const regexPerSec = Math.round(lines.length / (Number(process.hrtime.bigint() - t) / 1e9));
  const json = JSON.stringify({
    '@timestamp': '2024-01-01T00:00:00.000Z',
    event: {
      id: 'abcdef0123456789',
      kind: 'event',
      category: ['authentication'],
      type: ['info'],
      action: 'ssh_login',
      outcome: 'failure',
      dataset: 'system.auth',
    },
    source: { ip: '203.0.113.9', port: 52214 },
    user: { name: 'root' },
  });
  const n = Math.min(lines.length, 200_000);
  t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) JSON.parse(json);
  const jsonParsePerSec = Math.round(n / (Number(process.hrtime.bigint() - t) / 1e9));
  t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) stableId('system.auth', lines[i] ?? '', 'bastion', '0');
  const stableIdPerSec = Math.round(n / (Number(process.hrtime.bigint() - t) / 1e9));
  return { regexPerSec: hits > 0 ? regexPerSec : 0, jsonParsePerSec, stableIdPerSec };
}

/**
 * Lines as the ingestor and `vigil replay` get them: decoded from bytes (a Kafka value, a file read),
 * not the rope strings template literals build, which V8 reads more slowly char by char.
 */
function asDecoded(lines: readonly string[]): string[] {
  return Buffer.from(lines.join('\n')).toString('utf8').split('\n');
}

const sshd = asDecoded(Array.from({ length: N }, (_, i) => sshdLine(i)));
const mixed = asDecoded(Array.from({ length: Math.min(N, 500_000) }, (_, i) => mixedLine(i)));
run(sshd.slice(0, 50_000), 'fast'); // warm-up
const result = {
  bench: 'parsers',
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  calibration: calibrate(sshd),
  sshd_parse_validate: { lines: sshd.length, ...run(sshd, 'fast') },
  sshd_parse_zod: { lines: 200_000, ...run(sshd.slice(0, 200_000), 'zod') },
  mixed_parse_validate: { lines: mixed.length, ...run(mixed, 'fast') },
};
console.log(JSON.stringify(result));
