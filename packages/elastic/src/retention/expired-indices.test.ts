import { describe, expect, it } from 'vitest';
import { IndexNames } from '../indices/index-names.js';
import { expiredIndices } from './expired-indices.js';

describe('expiredIndices', () => {
  const names = new IndexNames('vigil');
  const indices = [
    'vigil-events-2024.04.28',
    'vigil-events-2024.04.29',
    'vigil-events-2024.04.30',
    'vigil-events-2024.05.01',
    'vigil-events-custom',
    'vigil-alerts-2024.01.01',
    'other-events-2024.01.01',
  ];

  it('selects the days whose last document is older than the retention', () => {
    // Retention 2 days at 2024-05-01T12:00: documents before 2024-04-29T12:00 may go.
    const now = new Date('2024-05-01T12:00:00Z');
    expect(expiredIndices(names, 'events', indices, 2, now)).toEqual(['vigil-events-2024.04.28']);
    expect(expiredIndices(names, 'events', indices, 1, now)).toEqual([
      'vigil-events-2024.04.28',
      'vigil-events-2024.04.29',
    ]);
  });

  it('keeps other families, other prefixes and names without a date', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(expiredIndices(names, 'events', indices, 1, now)).toEqual([
      'vigil-events-2024.04.28',
      'vigil-events-2024.04.29',
      'vigil-events-2024.04.30',
      'vigil-events-2024.05.01',
    ]);
    expect(expiredIndices(names, 'alerts', indices, 1, now)).toEqual(['vigil-alerts-2024.01.01']);
  });
});
