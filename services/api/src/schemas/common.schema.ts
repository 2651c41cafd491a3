import { z } from 'zod';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe('Stable machine-readable code, e.g. `validation_failed`, `forbidden`, `invalid_query`'),
      message: z.string().describe('What went wrong, for people'),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const incidentIdParams = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'an incident id is 32 hex characters'),
});
export const idParams = z.strictObject({ id: z.string().min(1).max(200) });

export const okSchema = z.object({ ok: z.literal(true) });
