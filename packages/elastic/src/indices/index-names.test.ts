import { describe, expect, it } from 'vitest';
import { IndexNames } from './index-names.js';

describe('IndexNames', () => {
  const names = new IndexNames('vigil');

  it('names daily indices after the UTC day of the document timestamp', () => {
    expect(names.daily('events', '2024-05-01T23:30:00-02:00')).toBe('vigil-events-2024.05.02');
    expect(names.daily('alerts', new Date('2024-12-31T00:00:00Z'))).toBe('vigil-alerts-2024.12.31');
    expect(() => names.daily('events', 'yesterday')).toThrow(RangeError);
  });

  it('gives patterns and the incidents index', () => {
    expect(names.pattern('notifications')).toBe('vigil-notifications-*');
    expect(names.incidents).toBe('vigil-incidents');
  });

  it('reads the day back from an index name, and only from its own family', () => {
    expect(names.dayOf('events', 'vigil-events-2024.05.01')).toEqual(new Date('2024-05-01T00:00:00Z'));
    expect(names.dayOf('alerts', 'vigil-events-2024.05.01')).toBeUndefined();
    expect(names.dayOf('events', 'vigil-events-2024.5.1')).toBeUndefined();
    expect(names.dayOf('events', 'vigil-events-2024.13.45')).toBeUndefined();
    expect(new IndexNames('other').dayOf('events', 'vigil-events-2024.05.01')).toBeUndefined();
  });
});
