/**
 * Writes the bundled demo logs (packages/cli/demo/*.log): an hour of ordinary traffic on six hosts
 * with a story woven in — a brute force that succeeds, a password spray, a root login, a port scan,
 * a login flood hitting the rate limit, sudo misuse, a console login without MFA, and a host that
 * goes silent. Deterministic: `node --import tsx packages/cli/src/run/demo/make-demo-logs.ts`
 * rewrites the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudTrailConsoleLogin, generateMixedLog, isoSyslog, nginxCombined, ufwLine } from '@vigil/loggen';

const start = Date.UTC(2026, 10, 27, 8, 0, 0);
const min = 60_000;
const files: Record<string, { ms: number; line: string }[]> = {
  'auth.log': [],
  'network.log': [],
  'cloudtrail.jsonl': [],
};
const auth = (ms: number, line: string): void => void files['auth.log']?.push({ ms, line });
const net = (ms: number, line: string): void => void files['network.log']?.push({ ms, line });
const cloud = (ms: number, line: string): void => void files['cloudtrail.jsonl']?.push({ ms, line });

// Background: ordinary traffic for an hour. db-01 stops logging at 08:30 (the silent host).
for (const g of generateMixedLog({
  seed: 2026,
  lines: 3_000,
  startMs: start,
  gapMs: 1_200,
  attackShare: 0,
})) {
  if (g.line.includes(' db-01 ') && g.ms > start + 30 * min) continue;
  if (g.stream === 'host') auth(g.ms, g.line);
  else if (g.stream === 'network') net(g.ms, g.line);
}

// 08:10 brute force on bastion from 203.0.113.45, then the attacker gets in.
for (let i = 0; i < 14; i++) {
  const t = start + 10 * min + i * 7_000;
  auth(
    t,
    isoSyslog(
      t,
      'bastion',
      'sshd',
      31_000 + i,
      `Failed password for alice from 203.0.113.45 port ${41_000 + i} ssh2`,
    ),
  );
}
auth(
  start + 12 * min,
  isoSyslog(
    start + 12 * min,
    'bastion',
    'sshd',
    31_100,
    'Accepted password for alice from 203.0.113.45 port 41999 ssh2',
  ),
);

// 08:15 password spray from 198.51.100.23 against web-01.
['admin', 'test', 'oracle', 'postgres', 'guest', 'ubuntu', 'pi'].forEach((user, i) => {
  const t = start + 15 * min + i * 20_000;
  auth(
    t,
    isoSyslog(
      t,
      'web-01',
      'sshd',
      32_000 + i,
      `Failed password for invalid user ${user} from 198.51.100.23 port ${50_000 + i} ssh2`,
    ),
  );
});

// 08:20 root logs in over SSH on app-02 (from the office: allowed network, still a root login).
auth(
  start + 20 * min,
  isoSyslog(
    start + 20 * min,
    'app-02',
    'sshd',
    33_000,
    'Accepted publickey for root from 10.0.3.7 port 52222 ssh2: ED25519 SHA256:Zm9vYmFy',
  ),
);

// 08:22 sudo misuse on db-01.
auth(
  start + 22 * min,
  isoSyslog(
    start + 22 * min,
    'db-01',
    'sudo',
    34_000,
    'mallory : user NOT in sudoers ; TTY=pts/2 ; PWD=/home/mallory ; USER=root ; COMMAND=/bin/cat /etc/shadow',
  ),
);

// 08:25 port scan of web-02 from 185.220.101.9.
for (let i = 0; i < 30; i++) {
  const t = start + 25 * min + i * 400;
  net(
    t,
    ufwLine(
      t,
      'web-02',
      'BLOCK',
      '185.220.101.9',
      '10.0.0.12',
      'TCP',
      45_000 + i,
      [
        21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 443, 445, 993, 995, 1433, 1521, 2049, 3306, 3389,
        5432, 5900, 6379, 8000, 8080, 8443, 9000, 9200, 11211, 27017,
      ][i] ?? 80,
    ),
  );
}

// 08:30 a login flood trips the nginx rate limit.
for (let i = 0; i < 40; i++) {
  const t = start + 30 * min + i * 1_000;
  net(t, nginxCombined(t, '192.0.2.77', 'POST', '/login', 429, 162, 'python-requests/2.31'));
}

// 08:40 an AWS console login without MFA.
cloud(start + 40 * min, cloudTrailConsoleLogin(start + 40 * min, 'deploy', '203.0.113.80', false, true));
cloud(start + 41 * min, cloudTrailConsoleLogin(start + 41 * min, 'alice', '10.0.0.5', true, true));

const dir = join(import.meta.dirname, '../../../demo');
mkdirSync(dir, { recursive: true });
for (const [name, lines] of Object.entries(files)) {
  lines.sort((a, b) => a.ms - b.ms);
  writeFileSync(join(dir, name), lines.map((l) => l.line).join('\n') + '\n');
  process.stdout.write(`${name}: ${lines.length} lines\n`);
}
