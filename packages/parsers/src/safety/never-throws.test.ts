/**
 * Safety properties: `parse` returns data for any input (never throws, never reports an internal
 * error), every event it returns passes the schema, and the work per line is bounded.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema } from '@vigil/schema';
import { createLineParser } from '../line/create-line-parser.js';
import { fixture } from '../conformance/fixture-path.js';
import { validateEvent } from '../validate/validate-event.js';

const SAMPLES = [
  ...readFileSync(fixture('loghub', 'OpenSSH', 'OpenSSH_2k.log'), 'utf8')
    .split('\n')
    .slice(0, 60),
  ...readFileSync(fixture('elastic-integrations', 'iptables', 'log', 'test-iptables-raw.log'), 'utf8').split(
    '\n',
  ),
  ...readFileSync(fixture('elastic-integrations', 'nginx', 'access', 'test-access.log'), 'utf8').split('\n'),
  ...readFileSync(fixture('elastic-integrations', 'zeek', 'connection', 'test-conn.log'), 'utf8')
    .split('\n')
    .slice(0, 5),
  ...readFileSync(fixture('elastic-integrations', 'system', 'auth', 'test-5424.log'), 'utf8').split('\n'),
  ...readFileSync(fixture('crowdsec-hub', 'tests', 'modsecurity-logs', 'modsecurity-logs.log'), 'utf8')
    .split('\n')
    .slice(0, 3),
  ...readFileSync(
    fixture('crowdsec-hub', 'tests', 'nginx_req_limit_exceeded', 'nginx_req_limit_exceeded.log'),
    'utf8',
  )
    .split('\n')
    .slice(0, 2),
  '{"eventVersion":"1.08","eventSource":"iam.amazonaws.com","eventName":"CreateUser","eventTime":"2024-01-02T03:04:05Z","userIdentity":{"type":"Root"}}',
  '{"@timestamp":"2024-05-01T10:00:00.000Z","vigil_audit":1,"actor":{"name":"a"},"action":"rule.update","outcome":"success"}',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p',
  '2015-03-11 21:59:09 1.2.3.4 GET /x - 80 - 31.3.3.7 UA - 404 0 2 0',
  'type=USER_LOGIN msg=audit(1700000000.123:456): pid=1 uid=0 msg=\'op=login acct="root" addr=1.2.3.4 res=failed\'',
].filter((l) => l !== '');

function check(parser: ReturnType<typeof createLineParser>, line: string): void {
  const outcome = parser.parse(line);
  if (!outcome.ok) {
    expect(outcome.code).not.toBe('internal_error');
    expect(outcome.reason.length).toBeGreaterThan(0);
    return;
  }
  for (const ev of outcome.events) {
    const v = validateEvent(ev);
    expect(v, JSON.stringify(v)).toEqual({ ok: true });
  }
}

/** A real line with random edits: splice, delete, duplicate or replace a span. */
const mutatedLine = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.nat(),
    fc.nat(),
    fc.string({ maxLength: 20, unit: 'binary' }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([line, a, b, insert, op]) => {
    const i = a % (line.length + 1);
    const j = Math.min(line.length, i + (b % 30));
    if (op === 0) return line.slice(0, i) + insert + line.slice(i);
    if (op === 1) return line.slice(0, i) + line.slice(j);
    if (op === 2) return line.slice(0, j) + line.slice(i, j) + line.slice(j);
    return line.slice(0, i) + insert + line.slice(j);
  });

describe('parser safety', () => {
  it('never throws on random strings (ASCII, unicode, binary)', () => {
    const parser = createLineParser({ now: 0 });
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', maxLength: 300 })),
        (s) => check(parser, s),
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('never throws on mutated real lines, and what it returns passes the schema', () => {
    const parser = createLineParser({ now: Date.parse('2024-06-01T00:00:00Z'), timezone: 'Europe/Berlin' });
    fc.assert(
      fc.property(mutatedLine, (line) => {
        check(parser, line);
        const o = parser.parse(line);
        if (o.ok) for (const ev of o.events) expect(eventSchema.safeParse(ev).success).toBe(true);
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('never throws on arbitrary JSON values, including CloudTrail- and Zeek-shaped ones', () => {
    const parser = createLineParser({ now: 0 });
    const shaped = fc.record(
      {
        eventVersion: fc.anything(),
        eventSource: fc.anything(),
        eventName: fc.anything(),
        eventTime: fc.anything(),
        userIdentity: fc.anything(),
        ts: fc.anything(),
        uid: fc.anything(),
        'id.orig_h': fc.anything(),
        vigil_audit: fc.constantFrom(1, 2),
        Records: fc.anything(),
        status: fc.anything(),
        remote_addr: fc.anything(),
        request: fc.anything(),
        result: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), (v) => check(parser, JSON.stringify(v))),
      { numRuns: 1500, seed: 3 },
    );
  });

  it('bounds the work on adversarial 64 KiB lines (no catastrophic backtracking)', () => {
    const K = 64 * 1024;
    const fill = (prefix: string, unit: string, suffix = ''): string =>
      prefix + unit.repeat(Math.ceil((K - prefix.length) / unit.length)) + suffix;
    const H = 'Mar  4 13:34:59 h sshd[1]: ';
    const lines = [
      fill(H + 'Invalid user ', ' from a'),
      fill(H + 'Failed password for ', 'x from 1.2.3.4 port 1 ', 'zz'),
      fill(H + 'Accepted password for ', 'a for b from c port 1: ', 'z'),
      fill(H + 'error: PAM: ', 'a for ', 'x'),
      fill(H + 'Disconnecting user ', 'a 1.2.3.4 port 1 ', 'zz'),
      fill(H + 'Connection closed by ', 'x ', '['),
      fill(H + 'Received disconnect from ', ':'),
      fill(H + 'User ', 'a from b not allowed because '),
      fill(H + 'input_userauth_request: invalid user ', 'a [preauth]'),
      fill('Mar  4 13:34:59 h kernel: ', 'IN= OUT= SRC=1 '),
      fill('Mar  4 13:34:59 h sudo: a : ', ' ; '),
      fill('Mar  4 13:34:59 h sshd[1]: pam_unix(sshd:auth): authentication failure; ', 'a= '),
      fill('Mar  4 13:34:59 h sshd[1]: message repeated 2 times: [ ', '['),
      fill('[Mon Feb 09 16:47:55.908176 2015] [:error] ModSecurity: ', '['),
      fill('[Mon Feb 09 16:47:55.908176 2015] [:error] ModSecurity: [id "', 'x'),
      fill('2022/07/28 16:37:00 [error] 1#1: *1 x', ', client: '),
      fill('1.2.3.4 - - [10/Oct/2024:13:55:36 +0200] "', '\\"'),
      fill('1.2.3.4', ' [10/Oct/2024:13:55:3'),
      fill('', '1.2.3.4, '),
      fill('<13>1 2024-01-02T03:04:05Z h a p m ', '[x a="'),
      fill('type=SYSCALL msg=audit(1.1:1): ', "a='b=c "),
      fill('2015-03-11 21:59:09 1.2.3.4 GET ', 'x '),
      fill('{"a":', '['),
      fill('', '['),
      fill('I0613 10:22:26.154722 ', ' '),
      fill('', 'a'),
    ];
    const parser = createLineParser({ now: 0 });
    for (const line of lines) {
      const start = performance.now();
      check(parser, line);
      const ms = performance.now() - start;
      expect(ms, line.slice(0, 60)).toBeLessThan(200);
    }
  });

  it('truncates lines over the limit and flags them', () => {
    const parser = createLineParser({ now: 0 });
    const long = `Mar  4 13:34:59 h sshd[1]: Invalid user ${'x'.repeat(70_000)} from 1.2.3.4`;
    const o = parser.parse(long);
    expect(o.ok).toBe(true);
    if (o.ok) {
      expect(o.events[0]?.vigil.truncated).toBe(true);
      expect(o.events[0]?.event.original.length).toBe(64 * 1024);
    }
  });
});
