import { z } from 'zod';

const name = z.string().min(1);
const names = z.union([name.transform((value) => [value]), z.array(name).min(1)]);

export const SUPPORTED_CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
] as const;
/** Sigma 2.1 metric correlations, which Vigil's streaming operators do not implement. */
export const METRIC_CORRELATION_TYPES = [
  'value_sum',
  'value_avg',
  'value_percentile',
  'value_median',
] as const;

/** The `correlation:` section of a Sigma correlation rule (Sigma correlation specification 2.1). */
export const correlationSchema = z.strictObject({
  type: name,
  rules: names,
  'group-by': names.optional(),
  timespan: z.union([name, z.number()]),
  condition: z.union([z.record(name, z.unknown()), z.string()]).optional(),
  aliases: z.record(name, z.record(name, name)).optional(),
  /** pySigma reads `generate` here; the JSON schema has it at the top level. Both are accepted. */
  generate: z.boolean().optional(),
});

export type CorrelationSection = z.infer<typeof correlationSchema>;
