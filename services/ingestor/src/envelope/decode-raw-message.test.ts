import { describe, expect, it } from 'vitest';
import { decodeRawMessage, type DecodedLine } from './decode-raw-message.js';

const SSHD = 'Nov 27 08:00:01 web-01 sshd[123]: Failed password for root from 1.2.3.4 port 22 ssh2';
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

function line(value: Buffer | null): DecodedLine {
  const decoded = decodeRawMessage(value);
  if (!decoded.ok) throw new Error(`expected a line, got ${decoded.code}: ${decoded.reason}`);
  return decoded;
}

describe('decodeRawMessage', () => {
  it('takes a plain value as the line itself', () => {
    expect(line(Buffer.from(SSHD))).toEqual({ ok: true, line: SSHD, invalidUtf8: false, envelope: 'none' });
  });

  it("reads Vigil's envelope with every field", () => {
    const decoded = line(
      json({
        line: SSHD,
        host: 'web-01',
        received_at: '2026-11-27T08:00:05Z',
        file: '/var/log/auth.log',
        dataset: 'system.auth',
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      line: SSHD,
      invalidUtf8: false,
      envelope: 'vigil',
      host: 'web-01',
      receivedAt: Date.UTC(2026, 10, 27, 8, 0, 5),
      file: '/var/log/auth.log',
      dataset: 'system.auth',
    });
  });

  it('accepts received_at (or @timestamp) as ISO, epoch seconds or epoch milliseconds', () => {
    const ms = Date.UTC(2026, 10, 27, 8, 0, 5, 250);
    expect(line(json({ line: SSHD, received_at: ms })).receivedAt).toBe(ms);
    expect(line(json({ line: SSHD, received_at: ms / 1000 })).receivedAt).toBe(ms);
    expect(line(json({ line: SSHD, '@timestamp': ms / 1000 })).receivedAt).toBe(ms);
  });

  it('dead-letters a Vigil envelope whose fields have the wrong type', () => {
    expect(decodeRawMessage(json({ line: SSHD, host: 42 }))).toMatchObject({
      ok: false,
      code: 'invalid_envelope',
    });
    expect(decodeRawMessage(json({ line: SSHD, received_at: 'yesterday' }))).toMatchObject({
      ok: false,
      code: 'invalid_envelope',
    });
  });

  it('leaves a JSON object with a "line" key beside unknown keys to the parser as a JSON log line', () => {
    const text = JSON.stringify({ line: 'x', level: 'info', msg: 'app log' });
    expect(line(Buffer.from(text))).toMatchObject({ line: text, envelope: 'none' });
  });

  it('reads what Filebeat sends (message, @timestamp, host.name, log.file.path, event.dataset)', () => {
    const decoded = line(
      json({
        '@timestamp': '2026-11-27T08:00:05.123Z',
        '@metadata': { beat: 'filebeat', type: '_doc', version: '9.0.0' },
        message: SSHD,
        log: { offset: 1024, file: { path: '/var/log/auth.log' } },
        host: { name: 'web-01' },
        event: { dataset: 'system.auth' },
        agent: { type: 'filebeat' },
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      line: SSHD,
      invalidUtf8: false,
      envelope: 'shipper',
      host: 'web-01',
      file: '/var/log/auth.log',
      dataset: 'system.auth',
      receivedAt: Date.UTC(2026, 10, 27, 8, 0, 5, 123),
    });
  });

  it("reads what Vector's file source sends (message, host, file, timestamp, source_type)", () => {
    const decoded = line(
      json({
        file: '/var/log/nginx/access.log',
        host: 'web-02',
        message: '10.0.0.1 - - [27/Nov/2026:08:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "curl/8"',
        source_type: 'file',
        timestamp: '2026-11-27T08:00:00.5Z',
      }),
    );
    expect(decoded).toMatchObject({ envelope: 'shipper', host: 'web-02', file: '/var/log/nginx/access.log' });
    expect(decoded.receivedAt).toBe(Date.UTC(2026, 10, 27, 8, 0, 0, 500));
  });

  it('keeps JSON application logs (message + @timestamp, no shipper metadata) and CloudTrail as lines', () => {
    const app = JSON.stringify({
      '@timestamp': '2026-11-27T08:00:00Z',
      message: 'user logged in',
      level: 'info',
    });
    expect(line(Buffer.from(app))).toMatchObject({ line: app, envelope: 'none' });
    const trail = JSON.stringify({ eventVersion: '1.08', eventSource: 'signin.amazonaws.com', message: 'x' });
    expect(line(Buffer.from(trail))).toMatchObject({ line: trail, envelope: 'none' });
  });

  it('leaves truncated JSON to the parser (which reports invalid_json)', () => {
    const text = '{"line": "Nov 27 08:00:01 web-01 sshd[1]: Acc';
    expect(line(Buffer.from(text))).toMatchObject({ line: text, envelope: 'none' });
  });

  it('rejects empty values, blank lines, empty JSON objects and envelopes without a line', () => {
    for (const value of [
      null,
      Buffer.alloc(0),
      Buffer.from('  \r\n'),
      Buffer.from(' { } '),
      json({ line: ' ' }),
    ]) {
      expect(decodeRawMessage(value)).toMatchObject({ ok: false, code: 'empty_message' });
    }
  });

  it('decodes invalid UTF-8 with replacement characters and says so', () => {
    const bytes = Buffer.concat([
      Buffer.from('Nov 27 08:00:01 h sshd[1]: Invalid user '),
      Buffer.from([0xff, 0xfe]),
    ]);
    const decoded = line(bytes);
    expect(decoded.invalidUtf8).toBe(true);
    expect(decoded.line.endsWith('Invalid user \ufffd\ufffd')).toBe(true);
  });
});
