import { createSocket } from 'node:dgram';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo, type CapturedIo } from '../testing/capture-io.js';
import { runRunCommand } from './run-command.js';

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function failures(ip: string, n: number, startSec = 0): string {
  return Array.from({ length: n }, (_, i) => {
    const s = startSec + i;
    return `2026-11-27T08:00:${String(s).padStart(2, '0')}.000000+00:00 web-01 sshd[${100 + i}]: Failed password for root from ${ip} port ${40000 + i} ssh2\n`;
  }).join('');
}

describe('vigil run', () => {
  it('--demo plays the sample logs and stores the alerts it prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-demo-'));
    const io = captureIo();
    expect(await runRunCommand(['--demo', '--data', dir], io)).toBe(0);
    expect(io.out()).toContain('SSH brute force from one source');
    expect(io.out()).toContain('Host stopped sending logs');
    expect(io.err()).toMatch(/10 alerts \(10 new in the store\)/);
    // The store survives: a second run finds every alert already there.
    const again = captureIo();
    expect(await runRunCommand(['--demo', '--data', dir], again)).toBe(0);
    expect(again.err()).toMatch(/10 alerts \(0 new in the store\)/);
  });

  it('follows a file and listens for syslog, alerting live; a restart adds nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-live-'));
    const log = join(dir, 'auth.log');
    writeFileSync(log, failures('203.0.113.9', 4));
    const start = (): { io: CapturedIo; stop: () => Promise<number> } => {
      const controller = new AbortController();
      const io = captureIo({ signal: controller.signal });
      const done = runRunCommand(
        ['--follow', log, '--from-start', '--syslog-udp', '0', '--json', '--data', join(dir, 'store')],
        io,
      );
      return {
        io,
        stop: async () => {
          controller.abort();
          return done;
        },
      };
    };

    const first = start();
    await until(() => /syslog on 127\.0\.0\.1 udp (\d+)/.test(first.io.err()), 'the syslog listener');
    const port = Number(/udp (\d+)/.exec(first.io.err())?.[1]);
    appendFileSync(log, failures('203.0.113.9', 3, 4));
    // Sources are ordered by event time within the allowed lateness (5 s): wait until the file's
    // lines are in the event store before the later ones come over syslog (UDP).
    const stored = join(dir, 'store/events/events-00000001.ndjson');
    await until(
      () => existsSync(stored) && readFileSync(stored, 'utf8').split('\n').length > 7,
      'the file lines',
    );
    const udp = createSocket('udp4');
    for (const line of failures('203.0.113.9', 3, 7).trim().split('\n')) {
      await new Promise<void>((resolve) => udp.send(line, port, '127.0.0.1', () => resolve()));
    }
    udp.close();
    await until(() => first.io.out().includes('"SSH brute force from one source"'), 'the brute-force alert');
    const alert = JSON.parse(first.io.out().trim().split('\n')[0]!) as {
      id: string;
      count: number;
      group: Record<string, string>;
    };
    expect(alert.group).toEqual({ 'source.ip': '203.0.113.9' });
    expect(alert.count).toBe(10);
    expect(await first.stop()).toBe(0);

    // Restart over the same file: the alert comes again from the file's lines (7 of 10 failures do
    // not reach the threshold), and nothing is stored twice.
    const second = start();
    await until(() => second.io.err().includes('following'), 'the restart');
    await new Promise((r) => setTimeout(r, 500));
    expect(await second.stop()).toBe(0);
    expect(second.io.err()).toMatch(/\(0 new in the store\)/);
  });

  it('reloads changed rule files without a restart, and refuses a broken one with file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-reload-'));
    const rules = join(dir, 'rules');
    mkdirSync(rules);
    const rule = (id: string, title: string, user: string): string =>
      [
        `title: ${title}`,
        `id: ${id}`,
        'status: test',
        'logsource: { product: linux, service: auth }',
        'detection:',
        '  selection:',
        '    event.outcome: failure',
        `    user.name: ${user}`,
        '  condition: selection',
        'level: high',
        '',
      ].join('\n');
    writeFileSync(
      join(rules, 'root.yml'),
      rule('6f1d3c2a-1b0e-4c9d-8a7b-000000000001', 'Root failure', 'root'),
    );
    const log = join(dir, 'auth.log');
    writeFileSync(log, '');
    const controller = new AbortController();
    const io = captureIo({ signal: controller.signal });
    const done = runRunCommand(
      ['--follow', log, '--rules', rules, '--json', '--data', join(dir, 'store')],
      io,
    );
    await until(() => io.err().includes('following'), 'the follower');

    writeFileSync(
      join(rules, 'oracle.yml'),
      rule('6f1d3c2a-1b0e-4c9d-8a7b-000000000002', 'Oracle failure', 'oracle'),
    );
    await until(() => io.err().includes('rules reloaded: 2 rules in force'), 'the reload');
    appendFileSync(log, failures('198.51.100.7', 1).replace('for root', 'for oracle'));
    await until(() => io.out().includes('"Oracle failure"'), 'an alert of the new rule');

    writeFileSync(join(rules, 'broken.yml'), 'title: Broken\ndetection:\n  selection: [\n');
    await until(() => io.err().includes('rule reload refused'), 'the refusal');
    expect(io.err()).toMatch(/broken\.yml:\d+:\d+: error/);
    appendFileSync(log, failures('198.51.100.7', 1, 1));
    await until(() => io.out().includes('"Root failure"'), 'the old rules still running');

    controller.abort();
    expect(await done).toBe(0);
  });

  it('says what is missing when given nothing to read', async () => {
    const io = captureIo();
    expect(await runRunCommand([], io)).toBe(2);
    expect(io.err()).toContain('nothing to read');
  });
});
