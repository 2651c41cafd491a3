import { z } from 'zod';

const name = z.string().min(1);
const names = z.union([name.transform((value) => [value]), z.array(name)]);

/** The `vigil:` block of a rule: Vigil extensions to Sigma (see packages/sigma/README.md). */
export const vigilExtensionSchema = z.strictObject({
  /** At most one alert per group per timespan. */
  suppress: z.strictObject({ 'group-by': names.default([]), timespan: name }).optional(),
  /** Alert when a group that sent matching events sends none for the timespan. */
  absence: z
    .strictObject({
      'group-by': names.refine((list) => list.length > 0, 'needs at least one field'),
      timespan: name,
    })
    .optional(),
  /** Alert the first time a value (tuple) of `fields` is seen per group within `history`. */
  new_terms: z
    .strictObject({
      fields: names.refine((list) => list.length > 0, 'needs at least one field'),
      'group-by': names.default([]),
      history: name,
    })
    .optional(),
});

export type VigilExtension = z.infer<typeof vigilExtensionSchema>;
