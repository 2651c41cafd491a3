import { Writable } from 'node:stream';
import { createLogger } from '@vigil/core';
import { logLevel, type LogEntry } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kafkaLogLevelFor, pinoLevelOf, pinoLogCreator } from './pino-log-creator.js';

function entry(level: logLevel, namespace: string, log: Record<string, unknown>): LogEntry {
  return {
    namespace,
    level,
    label: logLevel[level],
    log: { timestamp: '2024-01-01T00:00:00.000Z', logger: 'kafkajs', message: 'm', ...log },
  };
}

function capture(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ name: 'test', level, destination }) };
}

describe('pinoLogCreator', () => {
  it('maps kafkajs levels to pino levels', () => {
    expect(pinoLevelOf(entry(logLevel.ERROR, 'Producer', {}))).toBe('error');
    expect(pinoLevelOf(entry(logLevel.WARN, 'Producer', {}))).toBe('warn');
    expect(pinoLevelOf(entry(logLevel.INFO, 'Consumer', {}))).toBe('info');
    expect(pinoLevelOf(entry(logLevel.DEBUG, 'Connection', {}))).toBe('debug');
  });

  it('demotes routine broker answers but keeps real errors', () => {
    const joining = entry(logLevel.ERROR, 'Connection', {
      error: 'The group member needs to have a valid member id before actually entering a consumer group',
    });
    expect(pinoLevelOf(joining)).toBe('debug');
    expect(pinoLevelOf(entry(logLevel.ERROR, 'Connection', { error: 'Connection timeout' }))).toBe('error');
    expect(
      pinoLevelOf(entry(logLevel.WARN, 'Runner', { message: 'The group is rebalancing, re-joining' })),
    ).toBe('info');
    expect(pinoLevelOf(entry(logLevel.WARN, 'Runner', { message: 'Something odd' }))).toBe('warn');
  });

  it('writes the entry fields through pino, with secrets redacted', () => {
    const { lines, logger } = capture();
    const log = pinoLogCreator(logger)(logLevel.INFO);
    log(
      entry(logLevel.INFO, 'Consumer', {
        message: 'Consumer has joined the group',
        groupId: 'g',
        sasl: { password: 'p' },
      }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'Consumer has joined the group',
      namespace: 'Consumer',
      component: 'kafkajs',
      groupId: 'g',
      sasl: { password: '[redacted]' },
    });
  });

  it('asks kafkajs for no more than the logger prints', () => {
    expect(kafkaLogLevelFor(capture('debug').logger)).toBe(logLevel.DEBUG);
    expect(kafkaLogLevelFor(capture('info').logger)).toBe(logLevel.INFO);
    expect(kafkaLogLevelFor(capture('error').logger)).toBe(logLevel.ERROR);
  });
});
