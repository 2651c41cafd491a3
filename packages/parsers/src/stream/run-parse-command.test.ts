import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseStream } from './parse-stream.js';
import { parseArgs, runParseCommand } from './run-parse-command.js';

function sink(): { chunks: string[]; write(c: string): boolean } {
  const chunks: string[] = [];
  return { chunks, write: (c: string) => chunks.push(c) > 0 };
}

describe('parseStream', () => {
  it('yields every line with its number and keeps stream state (Zeek headers) across lines', async () => {
    const lines = [
      '#separator \\x09',
      '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p',
      '#types\ttime\tstring\taddr\tport\taddr\tport',
      '1.5\tC1\t10.0.0.1\t1\t10.0.0.2\t2',
      'garbage',
    ];
    const out = [];
    for await (const o of parseStream(lines, { now: 0 })) out.push(o);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5]);
    expect(out[3]?.outcome).toMatchObject({ ok: true, events: [{ event: { dataset: 'zeek.unknown' } }] });
    expect(out[4]?.outcome).toMatchObject({ ok: false, code: 'not_a_log_line' });
  });
});

describe('runParseCommand', () => {
  it('prints NDJSON events on stdout and dead letters with reasons on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-parse-'));
    const file = path.join(dir, 'auth.log');
    writeFileSync(
      file,
      'Dec 31 23:59:59 h sshd[1]: Invalid user a from 192.0.2.1\nnot a log line\nJan  1 00:00:01 h sshd[1]: Invalid user b from 192.0.2.1\n',
    );
    const stdout = sink();
    const stderr = sink();
    const code = await runParseCommand(['--year', '2023', '--timezone', 'UTC', file], {
      stdin: Readable.from([]),
      stdout,
      stderr,
    });
    expect(code).toBe(0);
    const events = stdout.chunks
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { '@timestamp': string });
    expect(events.map((e) => e['@timestamp'])).toEqual([
      '2023-12-31T23:59:59.000Z',
      '2024-01-01T00:00:01.000Z',
    ]);
    const dead = JSON.parse(stderr.chunks.join('')) as Record<string, unknown>;
    expect(dead).toMatchObject({ file, line: 2, code: 'not_a_log_line', original: 'not a log line' });
  });

  it('reads stdin for "-"', async () => {
    const stdout = sink();
    const code = await runParseCommand(['-'], {
      stdin: Readable.from(['{"@timestamp":"2024-01-01T00:00:00Z","x":1}\n']),
      stdout,
      stderr: sink(),
    });
    expect(code).toBe(0);
    expect(stdout.chunks).toHaveLength(1);
  });

  it('reports usage errors with exit code 2', async () => {
    const stderr = sink();
    expect(
      await runParseCommand(['--year', 'soon', 'x'], { stdin: Readable.from([]), stdout: sink(), stderr }),
    ).toBe(2);
    expect(stderr.chunks.join('')).toMatch(/--year/);
    expect(
      await runParseCommand(['--timezone', 'Nowhere/Land', 'x'], {
        stdin: Readable.from([]),
        stdout: sink(),
        stderr,
      }),
    ).toBe(2);
    expect(parseArgs([])).toMatchObject({ ok: false });
    expect(parseArgs(['--web', 'apache', '--now', '2024-01-01T00:00:00Z', 'f'])).toEqual({
      ok: true,
      options: { now: Date.parse('2024-01-01T00:00:00Z'), datasetHint: 'apache' },
      files: ['f'],
    });
  });
});
