import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes secrets, at the top level or one level down', () => {
    const { lines, stream } = capture();
    const log = createLogger({ name: 'test', destination: stream });
    log.info(
      {
        password: 'hunter2',
        pagerduty: { routingKey: 'R0UT1NG' },
        headers: { authorization: 'Bearer abc.def' },
        user: 'alice',
      },
      'login',
    );
    const out = lines.join('');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('R0UT1NG');
    expect(out).not.toContain('abc.def');
    expect(out).toContain('alice');
    expect(out).toContain('[redacted]');
  });
});
