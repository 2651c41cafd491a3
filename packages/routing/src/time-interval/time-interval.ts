import { WEEKDAYS, type TimeIntervalSpec } from '../config/routing-config.schema.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Weekday (0 = Sunday) and minute of the day of `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): { weekday: number; minute: number } {
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatter(timeZone).formatToParts(now)) {
    if (part.type === 'weekday')
      weekday = WEEKDAYS.indexOf(part.value.toLowerCase() as (typeof WEEKDAYS)[number]);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minute: hour * 60 + minute };
}

function clockMinutes(text: string): number {
  const [h = '0', m = '0'] = text.split(':');
  return Number(h) * 60 + Number(m);
}

function dayIn(range: string, weekday: number): boolean {
  const [from = '', to = from] = range.split(':');
  const a = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
  const b = WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]);
  // `friday:monday` wraps over the weekend.
  return a <= b ? weekday >= a && weekday <= b : weekday >= a || weekday <= b;
}

/**
 * Whether `now` falls in a weekly time interval (Alertmanager's weekdays + times, in `location`).
 * A missing weekdays or times list means every day or all day. Times are [start, end).
 */
export function inTimeInterval(spec: TimeIntervalSpec, now: Date): boolean {
  const { weekday, minute } = localClock(now, spec.location);
  if (spec.weekdays !== undefined && !spec.weekdays.some((range) => dayIn(range, weekday))) return false;
  if (spec.times === undefined) return true;
  return spec.times.some((t) => minute >= clockMinutes(t.start_time) && minute < clockMinutes(t.end_time));
}

/** Problems zod cannot express: a time range must not be empty or run backwards. */
export function timeRangeErrors(spec: TimeIntervalSpec): { index: number; message: string }[] {
  return (spec.times ?? []).flatMap((t, index) =>
    clockMinutes(t.start_time) < clockMinutes(t.end_time)
      ? []
      : [
          {
            index,
            message: `start_time ${t.start_time} must be before end_time ${t.end_time} (split overnight ranges in two)`,
          },
        ],
  );
}
