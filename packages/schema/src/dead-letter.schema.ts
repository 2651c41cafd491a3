import { z } from 'zod';

/** What the ingestor writes to `vigil.deadletter`: the original bytes, where they came from, and why. */
export const deadLetterSchema = z.object({
  '@timestamp': z.iso.datetime({ offset: true }),
  reason: z.string().min(1),
  /** A short stable code for metrics, e.g. `not_syslog`, `invalid_json`, `schema`, `es_rejected`. */
  code: z.string().min(1),
  stage: z.enum(['ingest', 'parse', 'validate', 'index', 'correlate']),
  origin: z
    .object({
      topic: z.string(),
      partition: z.number().int(),
      offset: z.string(),
    })
    .optional(),
  /** The original input, base64 when it was not valid UTF-8. */
  original: z.string(),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
});

export type DeadLetter = z.infer<typeof deadLetterSchema>;
