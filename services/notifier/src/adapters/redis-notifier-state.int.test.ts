import type { RedisConnection } from '@vigil/redis';
import { createTestRedis } from '@vigil/redis/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { describeNotifierState } from '../testing/notifier-state-contract.js';
import { RedisNotifierState } from './redis-notifier-state.js';

const connections: RedisConnection[] = [];

function fresh(): RedisNotifierState {
  const connection = createTestRedis();
  connections.push(connection);
  return new RedisNotifierState(connection.client);
}

afterAll(async () => {
  for (const connection of connections) await connection.close();
});

describeNotifierState('redis', () => Promise.resolve(fresh()));

describe('RedisNotifierState', () => {
  it('reads the silences the API stores, skipping records that do not parse', async () => {
    const connection = createTestRedis();
    connections.push(connection);
    const silence = {
      id: 's1',
      matchers: ['entity="203.0.113.7"'],
      starts_at: '2026-03-01T10:00:00Z',
      ends_at: '2026-03-01T12:00:00Z',
      created_by: 'alice',
      comment: '',
    };
    await connection.client.hset(
      'silences',
      's1',
      JSON.stringify(silence),
      's2',
      '{"id":"s2"}',
      's3',
      'nope',
    );
    expect(await new RedisNotifierState(connection.client).silences()).toEqual([silence]);
  });

  it('keeps groups and escalations as plain JSON across connections (a restart)', async () => {
    const first = createTestRedis();
    connections.push(first);
    const state = new RedisNotifierState(first.client);
    const escalation = {
      incidentId: 'i1',
      policy: 'p',
      run: 0,
      cycle: 0,
      level: 1,
      pagedAt: '2026-03-01T10:00:00.000Z',
      nextAt: '2026-03-01T10:15:00.000Z',
    };
    await state.putEscalation(escalation);
    expect(await state.getEscalation('i1')).toEqual(escalation);
    expect(await state.getGroup('missing')).toBeUndefined();
  });
});
