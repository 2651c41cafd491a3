import { eventSchema } from '@vigil/schema';
import { z } from 'zod';

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}

function collect(schema: z.ZodType, prefix: string, into: Set<string>): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = inner.shape;
    for (const [key, child] of Object.entries(shape)) {
      collect(child, prefix === '' ? key : `${prefix}.${key}`, into);
    }
    return;
  }
  if (prefix !== '') into.add(prefix);
}

let cached: ReadonlySet<string> | undefined;

/** Every leaf field the event schema names (`source.ip`, `event.category`...), derived so it never drifts. */
export function eventSchemaFields(): ReadonlySet<string> {
  if (cached === undefined) {
    const fields = new Set<string>();
    collect(eventSchema, '', fields);
    cached = fields;
  }
  return cached;
}
