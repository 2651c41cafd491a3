import type { VigilEvent } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import { eventKey } from './event-key.js';

function event(fields: Partial<VigilEvent>): VigilEvent {
  return {
    '@timestamp': '2026-11-27T08:00:00.000Z',
    event: { id: 'x', kind: 'event', category: [], type: [], dataset: 'system.auth', original: 'l' },
    vigil: { schema_version: 1 },
    ...fields,
  };
}

describe('eventKey', () => {
  it('prefers source.ip, then user.name, then host.hostname', () => {
    const host = { hostname: 'web-01' };
    expect(eventKey(event({ source: { ip: '1.2.3.4' }, user: { name: 'root' }, host }))).toBe('1.2.3.4');
    expect(eventKey(event({ source: { address: 'scanner.example' }, user: { name: 'root' }, host }))).toBe(
      'root',
    );
    expect(eventKey(event({ host }))).toBe('web-01');
  });

  it('skips empty values and is null when the event names no entity (round robin)', () => {
    expect(eventKey(event({ source: { ip: '' }, user: { name: '' }, host: { hostname: 'db-01' } }))).toBe(
      'db-01',
    );
    expect(eventKey(event({}))).toBeNull();
  });
});
