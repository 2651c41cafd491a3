import { describe, expect, it } from 'vitest';
import { timeIntervalSpecSchema } from '../config/routing-config.schema.js';
import { inTimeInterval, localClock } from './time-interval.js';

const spec = (input: unknown) => timeIntervalSpecSchema.parse(input);

describe('inTimeInterval', () => {
  it('reads weekdays and times in the interval time zone', () => {
    const office = spec({
      weekdays: ['monday:friday'],
      times: [{ start_time: '08:00', end_time: '18:00' }],
      location: 'Europe/Berlin',
    });
    // 2026-03-02 is a Monday; Berlin is UTC+1 in March before DST.
    expect(inTimeInterval(office, new Date('2026-03-02T07:30:00Z'))).toBe(true);
    expect(inTimeInterval(office, new Date('2026-03-02T06:59:00Z'))).toBe(false);
    expect(inTimeInterval(office, new Date('2026-03-02T17:00:00Z'))).toBe(false);
    expect(inTimeInterval(office, new Date('2026-03-07T10:00:00Z'))).toBe(false);
  });

  it('follows daylight saving time', () => {
    const office = spec({ times: [{ start_time: '08:00', end_time: '09:00' }], location: 'Europe/Berlin' });
    expect(inTimeInterval(office, new Date('2026-07-01T06:30:00Z'))).toBe(true);
    expect(inTimeInterval(office, new Date('2026-01-01T06:30:00Z'))).toBe(false);
  });

  it('wraps weekday ranges over the weekend and defaults to all day', () => {
    const weekend = spec({ weekdays: ['friday:monday'] });
    expect(inTimeInterval(weekend, new Date('2026-03-08T12:00:00Z'))).toBe(true);
    expect(inTimeInterval(weekend, new Date('2026-03-04T12:00:00Z'))).toBe(false);
    expect(localClock(new Date('2026-03-08T23:59:00Z'), 'UTC')).toEqual({ weekday: 0, minute: 1439 });
  });

  it('rejects unknown time zones', () => {
    expect(timeIntervalSpecSchema.safeParse({ location: 'Mars/Olympus' }).success).toBe(false);
  });
});
