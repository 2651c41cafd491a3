import { z } from 'zod';

/** Query-string parameters of an aggregation: top values of a field, or a histogram over time. */
export const aggRequestSchema = z.strictObject({
  query: z.string().max(8192).default(''),
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  type: z.enum(['terms', 'date_histogram']).default('date_histogram'),
  field: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('terms: the field (required); histogram: defaults to the time field'),
  size: z.coerce.number().int().min(1).max(100).default(10).describe('terms: how many top values'),
  interval: z
    .string()
    .regex(/^(auto|\d{1,7}(ms|s|m|h|d))$/)
    .default('auto')
    .describe('histogram: bucket width such as 1m, 1h, 1d, or auto'),
});

export type AggRequest = z.infer<typeof aggRequestSchema>;

export interface TermsBucket {
  readonly key: string | number;
  readonly count: number;
}

export interface HistogramBucket {
  /** Bucket start, epoch ms. */
  readonly key: number;
  readonly time: string;
  readonly count: number;
}

export type AggResult =
  | {
      readonly type: 'terms';
      readonly field: string;
      readonly buckets: TermsBucket[];
      readonly other: number;
    }
  | {
      readonly type: 'date_histogram';
      readonly field: string;
      readonly interval: string;
      readonly buckets: HistogramBucket[];
    };
