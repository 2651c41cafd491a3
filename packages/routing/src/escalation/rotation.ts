import type { Rotation } from '../config/routing-config.schema.js';

/**
 * Who a rotation has on call at `now`: an override covering `now` wins (the latest-starting one
 * if several overlap), otherwise users take back-to-back shifts of `shift` ms from `start`, in
 * order, round and round (also before `start`, counting backwards). A pure function of time.
 */
export function onCallAt(rotation: Rotation, now: Date): string {
  const t = now.getTime();
  let override: { user: string; start: number } | undefined;
  for (const o of rotation.overrides) {
    const start = Date.parse(o.start);
    if (t >= start && t < Date.parse(o.end) && (override === undefined || start >= override.start)) {
      override = { user: o.user, start };
    }
  }
  if (override !== undefined) return override.user;
  const shift = Math.floor((t - Date.parse(rotation.start)) / rotation.shift);
  const n = rotation.users.length;
  const index = ((shift % n) + n) % n;
  // users has at least one entry (schema), so the index is always in range.
  return rotation.users[index] ?? rotation.users[0] ?? '';
}

/** When the shift that covers `now` ends (overrides aside): when the next person takes over. */
export function nextHandoff(rotation: Rotation, now: Date): Date {
  const start = Date.parse(rotation.start);
  const shift = Math.floor((now.getTime() - start) / rotation.shift);
  return new Date(start + (shift + 1) * rotation.shift);
}
