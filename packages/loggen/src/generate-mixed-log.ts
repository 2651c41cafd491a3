import { createPrng, type Prng } from './prng.js';
import {
  type AccessLine,
  bsdSyslog,
  cloudTrailConsoleLogin,
  isoSyslog,
  nginxCombined,
  nginxJson,
  ufwLine,
} from './line-formats.js';

/** Which raw Kafka topic a line belongs to (`vigil.raw.<stream>`). */
export type RawStream = 'host' | 'network' | 'admin';

export interface GeneratedLine {
  readonly ms: number;
  readonly stream: RawStream;
  readonly line: string;
}

export interface MixedLogOptions {
  readonly seed?: number;
  readonly lines: number;
  /** Event time of the first line, ms since the epoch. */
  readonly startMs?: number;
  /** Mean gap between lines in ms of event time. */
  readonly gapMs?: number;
  /** Share of lines that belong to attack scenarios (0..1). */
  readonly attackShare?: number;
  /** Write host lines as RFC 3164 (no year) instead of ISO-8601 syslog. */
  readonly bsdSyslog?: boolean;
  /** Web access lines as nginx `combined` (whole seconds, the default) or JSON with milliseconds. */
  readonly webFormat?: 'combined' | 'json';
}

const HOSTS = ['web-01', 'web-02', 'db-01', 'bastion', 'app-01', 'app-02'] as const;
const USERS = ['alice', 'bob', 'carol', 'deploy', 'backup', 'ops'] as const;
const SPRAY_USERS = [
  'admin',
  'test',
  'oracle',
  'postgres',
  'guest',
  'ubuntu',
  'user',
  'ftp',
  'pi',
  'git',
  'mysql',
  'support',
] as const;
const PATHS = [
  '/',
  '/index.html',
  '/api/orders',
  '/api/users/42',
  '/static/app.js',
  '/login',
  '/healthz',
] as const;
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64)', 'curl/8.5.0', 'Go-http-client/1.1'] as const;

const internalIp = (rng: Prng): string => `10.0.${rng.int(0, 3)}.${rng.int(2, 250)}`;
const externalIp = (rng: Prng): string =>
  `${rng.pick([45, 91, 103, 185, 198])}.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;

type Emit = (ms: number, stream: RawStream, line: string) => void;

/** One attack scenario: writes a burst of lines starting at `ms`. */
type Scenario = (
  rng: Prng,
  ms: number,
  emit: Emit,
  host: (ms: number, h: string, p: string, pid: number, m: string) => string,
  web: AccessLine,
) => void;

const bruteForce: Scenario = (rng, ms, emit, host) => {
  const ip = externalIp(rng);
  const target = rng.pick(HOSTS);
  const user = rng.pick(['root', 'admin', 'alice']);
  for (let i = 0; i < 15; i++) {
    const port = rng.int(30000, 65000);
    emit(
      ms + i * 900,
      'host',
      host(
        ms + i * 900,
        target,
        'sshd',
        4000 + i,
        `Failed password for ${user} from ${ip} port ${port} ssh2`,
      ),
    );
  }
  if (rng.next() < 0.5) {
    const t = ms + 15 * 900 + 500;
    emit(
      t,
      'host',
      host(
        t,
        target,
        'sshd',
        4100,
        `Accepted password for ${user} from ${ip} port ${rng.int(30000, 65000)} ssh2`,
      ),
    );
  }
};

const passwordSpray: Scenario = (rng, ms, emit, host) => {
  const ip = externalIp(rng);
  const target = rng.pick(HOSTS);
  SPRAY_USERS.forEach((user, i) => {
    const t = ms + i * 1500;
    emit(
      t,
      'host',
      host(t, target, 'sshd', 5000 + i, `Invalid user ${user} from ${ip} port ${rng.int(30000, 65000)}`),
    );
    emit(
      t + 200,
      'host',
      host(
        t + 200,
        target,
        'sshd',
        5000 + i,
        `Failed password for invalid user ${user} from ${ip} port ${rng.int(30000, 65000)} ssh2`,
      ),
    );
  });
};

const portScan: Scenario = (rng, ms, emit) => {
  const ip = externalIp(rng);
  const target = rng.pick(HOSTS);
  for (let i = 0; i < 40; i++) {
    const t = ms + i * 50;
    emit(
      t,
      'network',
      ufwLine(t, target, 'BLOCK', ip, '10.0.0.10', 'TCP', rng.int(40000, 60000), 20 + i * 37),
    );
  }
};

const rateLimit: Scenario = (rng, ms, emit, _host, web) => {
  const ip = externalIp(rng);
  for (let i = 0; i < 30; i++) {
    const t = ms + i * 100;
    emit(t, 'network', web(t, ip, 'POST', '/login', 429, 162, 'python-requests/2.31'));
  }
};

const consoleNoMfa: Scenario = (rng, ms, emit) => {
  emit(ms, 'admin', cloudTrailConsoleLogin(ms, rng.pick(USERS), externalIp(rng), false, true));
};

const sudoFailures: Scenario = (rng, ms, emit, host) => {
  const user = rng.pick(USERS);
  const target = rng.pick(HOSTS);
  emit(
    ms,
    'host',
    host(
      ms,
      target,
      'sudo',
      7000,
      `pam_unix(sudo:auth): authentication failure; logname=${user} uid=1001 euid=0 tty=/dev/pts/0 ruser=${user} rhost=  user=${user}`,
    ),
  );
  emit(
    ms + 4000,
    'host',
    host(
      ms + 4000,
      target,
      'sudo',
      7000,
      `${user} : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/${user} ; USER=root ; COMMAND=/bin/bash`,
    ),
  );
};

const SCENARIOS: readonly Scenario[] = [
  bruteForce,
  passwordSpray,
  portScan,
  rateLimit,
  consoleNoMfa,
  sudoFailures,
];

function backgroundLine(
  rng: Prng,
  ms: number,
  host: (ms: number, h: string, p: string, pid: number, m: string) => string,
  web: AccessLine,
): GeneratedLine {
  const roll = rng.next();
  const h = rng.pick(HOSTS);
  if (roll < 0.3) {
    const user = rng.pick(USERS);
    return {
      ms,
      stream: 'host',
      line: host(
        ms,
        h,
        'sshd',
        rng.int(1000, 30000),
        `Accepted publickey for ${user} from ${internalIp(rng)} port ${rng.int(30000, 65000)} ssh2: ED25519 SHA256:Zm9vYmFyYmF6cXV4`,
      ),
    };
  }
  if (roll < 0.45) {
    const user = rng.pick(USERS);
    return {
      ms,
      stream: 'host',
      line: host(
        ms,
        h,
        'sshd',
        rng.int(1000, 30000),
        `pam_unix(sshd:session): session opened for user ${user}(uid=1001) by (uid=0)`,
      ),
    };
  }
  if (roll < 0.55) {
    return {
      ms,
      stream: 'host',
      line: host(ms, h, 'CRON', rng.int(1000, 30000), 'pam_unix(cron:session): session closed for user root'),
    };
  }
  if (roll < 0.6) {
    const user = rng.pick(USERS);
    return {
      ms,
      stream: 'host',
      line: host(
        ms,
        h,
        'sudo',
        rng.int(1000, 30000),
        `${user} : TTY=pts/1 ; PWD=/home/${user} ; USER=root ; COMMAND=/usr/bin/systemctl status nginx`,
      ),
    };
  }
  if (roll < 0.9) {
    return {
      ms,
      stream: 'network',
      line: web(
        ms,
        internalIp(rng),
        'GET',
        rng.pick(PATHS),
        rng.pick([200, 200, 200, 304, 404]),
        rng.int(100, 90000),
        rng.pick(AGENTS),
      ),
    };
  }
  return {
    ms,
    stream: 'network',
    line: ufwLine(
      ms,
      h,
      'BLOCK',
      externalIp(rng),
      '10.0.0.10',
      'TCP',
      rng.int(1024, 65000),
      rng.pick([23, 445, 3389, 8080]),
    ),
  };
}

/**
 * A deterministic mixed log: background traffic with attack scenarios woven in, in event-time order
 * (scenario lines are merged by time). Same options → same lines, byte for byte.
 */
export function* generateMixedLog(options: MixedLogOptions): Generator<GeneratedLine> {
  const rng = createPrng(options.seed ?? 1);
  const gap = options.gapMs ?? 10;
  const attackShare = options.attackShare ?? 0.01;
  const host = options.bsdSyslog === true ? bsdSyslog : isoSyslog;
  const web = options.webFormat === 'json' ? nginxJson : nginxCombined;
  let ms = options.startMs ?? Date.UTC(2026, 10, 27, 8, 0, 0);
  // Scenario lines wait here until the clock reaches them, so output stays time-ordered.
  const pending: GeneratedLine[] = [];
  const emit: Emit = (t, stream, line) => {
    pending.push({ ms: t, stream, line });
  };
  let produced = 0;
  while (produced < options.lines) {
    ms += rng.int(0, gap * 2);
    if (rng.next() < attackShare / 20) {
      rng.pick(SCENARIOS)(rng, ms, emit, host, web);
      pending.sort((a, b) => a.ms - b.ms);
    }
    while (pending.length > 0 && (pending[0]?.ms ?? Infinity) <= ms && produced < options.lines) {
      const next = pending.shift();
      if (next !== undefined) {
        yield next;
        produced++;
      }
    }
    if (produced < options.lines) {
      yield backgroundLine(rng, ms, host, web);
      produced++;
    }
  }
}
