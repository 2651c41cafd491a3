import { z } from 'zod';
import { parseMatcher } from '../matcher/matcher.js';

/** A silence mutes notifications for incidents whose labels match all its matchers, for a while. */
export const silenceSchema = z
  .object({
    id: z.string().min(1),
    matchers: z
      .array(
        z.string().superRefine((text, ctx) => {
          const result = parseMatcher(text);
          if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
        }),
      )
      .min(1),
    starts_at: z.iso.datetime({ offset: true }),
    ends_at: z.iso.datetime({ offset: true }),
    created_by: z.string().min(1),
    comment: z.string().default(''),
  })
  .refine((s) => Date.parse(s.ends_at) > Date.parse(s.starts_at), {
    error: 'ends_at must be after starts_at',
    path: ['ends_at'],
  });

export type Silence = z.infer<typeof silenceSchema>;
export type SilenceInput = z.input<typeof silenceSchema>;
