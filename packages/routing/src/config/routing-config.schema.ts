import { z } from 'zod';
import { parseDuration } from '../duration/parse-duration.js';
import { parseMatcher } from '../matcher/matcher.js';

const name = z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'names use letters, digits, _ . : -');

const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration (e.g. 30s, 5m, 1h30m, 1w)` });
    return z.NEVER;
  }
  return ms;
});

/** Matchers stay strings here and are compiled by compileRouting; this only checks their syntax. */
const matcher = z.string().superRefine((text, ctx) => {
  const result = parseMatcher(text);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
});

export interface RouteSpec {
  name?: string | undefined;
  matchers: string[];
  receiver?: string | undefined;
  continue: boolean;
  group_by?: string[] | undefined;
  group_wait?: number | undefined;
  group_interval?: number | undefined;
  repeat_interval?: number | undefined;
  escalation?: string | undefined;
  mute_time_intervals: string[];
  active_time_intervals: string[];
  routes: RouteSpec[];
}

const routeSchema: z.ZodType<RouteSpec> = z.lazy(() =>
  z.strictObject({
    name: name.optional(),
    matchers: z.array(matcher).default([]),
    receiver: name.optional(),
    /** Keep looking at later siblings after this route matched. */
    continue: z.boolean().default(false),
    group_by: z.array(z.string()).optional(),
    group_wait: duration.optional(),
    group_interval: duration.optional(),
    repeat_interval: duration.optional(),
    escalation: name.optional(),
    mute_time_intervals: z.array(name).default([]),
    active_time_intervals: z.array(name).default([]),
    routes: z.array(routeSchema).default([]),
  }),
);

const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'times are HH:MM (24h)');

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
const weekdayRange = z
  .string()
  .regex(
    /^(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(:(sunday|monday|tuesday|wednesday|thursday|friday|saturday))?$/,
    'weekdays are names (monday) or ranges (monday:friday)',
  );

const timeRangeSchema = z.strictObject({ start_time: clock, end_time: clock });

export const timeIntervalSpecSchema = z.strictObject({
  weekdays: z.array(weekdayRange).optional(),
  times: z.array(timeRangeSchema).optional(),
  /** IANA time zone the weekdays and times are read in; default UTC. */
  location: z
    .string()
    .default('UTC')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
});

const targetSchema = z.union([
  z.strictObject({ receiver: name }),
  /** Whoever the named rotation has on call at the time of the page. */
  z.strictObject({ oncall: name }),
]);

export const escalationPolicySchema = z.strictObject({
  name,
  levels: z.array(z.strictObject({ targets: z.array(targetSchema).min(1), ack_timeout: duration })).min(1),
  /** How many more times to run through all levels when nobody acknowledges; 0 = once. */
  repeat: z.number().int().min(0).max(10).default(0),
});

export const rotationSchema = z.strictObject({
  name,
  /** The first shift starts here; shifts follow back to back. */
  start: z.iso.datetime({ offset: true }),
  shift: duration.default(604_800_000),
  users: z.array(name).min(1),
  overrides: z
    .array(
      z.strictObject({
        user: name,
        start: z.iso.datetime({ offset: true }),
        end: z.iso.datetime({ offset: true }),
      }),
    )
    .default([]),
});

export const receiverSchema = z.strictObject({
  name,
  /** Channel definitions; their own schemas are checked by the loader's `channelSchema`. */
  channels: z.array(z.looseObject({ type: z.string() })).default([]),
});

export const inhibitRuleSchema = z.strictObject({
  source_matchers: z.array(matcher).min(1),
  target_matchers: z.array(matcher).min(1),
  /** Labels whose values must be the same on source and target. */
  equal: z.array(z.string()).default([]),
});

export const routingConfigSchema = z.strictObject({
  route: routeSchema,
  receivers: z.array(receiverSchema).min(1),
  inhibit_rules: z.array(inhibitRuleSchema).default([]),
  time_intervals: z
    .array(z.strictObject({ name, time_intervals: z.array(timeIntervalSpecSchema).min(1) }))
    .default([]),
  host_groups: z.record(name, z.array(z.string())).default({}),
  escalation_policies: z.array(escalationPolicySchema).default([]),
  rotations: z.array(rotationSchema).default([]),
  /** Who is who: the receiver that pages each person named in a rotation. */
  people: z.array(z.strictObject({ name, receiver: name })).default([]),
});

export type RoutingConfig = z.infer<typeof routingConfigSchema>;
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
export type Rotation = z.infer<typeof rotationSchema>;
export type TimeIntervalSpec = z.infer<typeof timeIntervalSpecSchema>;
export type InhibitRuleSpec = z.infer<typeof inhibitRuleSchema>;
export type ReceiverSpec = z.infer<typeof receiverSchema>;
