import { z } from 'zod';

const name = z.string().min(1);
const oneOrMany = z.union([name, z.array(name).min(1)]);

/** `{category, product, service}`, each a value or a list of accepted values. */
export const logsourceMatchSchema = z.strictObject({
  category: oneOrMany.optional(),
  product: oneOrMany.optional(),
  service: oneOrMany.optional(),
});

/** rules/mappings/logsources.yml */
export const logsourcesFileSchema = z.strictObject({
  datasets: z.array(name).min(1),
  logsources: z.array(z.strictObject({ logsource: logsourceMatchSchema, datasets: z.array(name) })),
});

const fieldMap = z.record(name, oneOrMany);

/** rules/mappings/fields.yml */
export const fieldsFileSchema = z.strictObject({
  keyword_fields: z.array(name).min(1),
  ecs_extra: z.array(name).default([]),
  passthrough_prefixes: z.array(name).default([]),
  global: fieldMap.default({}),
  prefixes: z.record(name, name).default({}),
  scoped: z
    .array(
      z.strictObject({
        logsource: logsourceMatchSchema,
        fields: fieldMap.default({}),
        prefixes: z.record(name, name).default({}),
        /** Any other name becomes `<fallback_prefix><name>` (after ECS names), e.g. raw Zeek columns. */
        fallback_prefix: name.optional(),
        /** false: the `global` names do not apply (their ECS targets are absent from these events). */
        inherit_global: z.boolean().default(true),
      }),
    )
    .default([]),
});

export type LogsourceMatchInput = z.infer<typeof logsourceMatchSchema>;
export type LogsourcesFile = z.infer<typeof logsourcesFileSchema>;
export type FieldsFile = z.infer<typeof fieldsFileSchema>;
