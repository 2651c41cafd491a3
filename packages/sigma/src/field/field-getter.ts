/** Reads one field of an event; `undefined` when absent. Arrays met on the way are flattened. */
export type FieldGetter = (event: object) => unknown;

const hasOwn = (target: object, key: string): boolean => Object.hasOwn(target, key);

function resolve(value: unknown, parts: readonly string[], index: number): unknown {
  if (index === parts.length) return value;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    // ECS arrays of objects: the field has every value found under any element.
    const found: unknown[] = [];
    for (const element of value) {
      const inner = resolve(element, parts, index);
      if (Array.isArray(inner)) found.push(...(inner as unknown[]));
      else if (inner !== undefined) found.push(inner);
    }
    return found.length > 0 ? found : undefined;
  }
  const record = value as Record<string, unknown>;
  const key = parts[index] ?? '';
  // Own properties only: a rule field named `constructor` must not reach Object.prototype.
  if (hasOwn(record, key)) {
    const inner = resolve(record[key], parts, index + 1);
    if (inner !== undefined) return inner;
  }
  // Flattened dotted keys (`labels['app.tier']`, vendor objects kept flat) are found too.
  let joined = key;
  for (let end = index + 1; end < parts.length; end++) {
    joined += `.${parts[end] ?? ''}`;
    if (hasOwn(record, joined)) {
      const inner = resolve(record[joined], parts, end + 1);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** Compiles a dotted ECS field name (`source.ip`) into a getter, once at load. */
export function compileFieldGetter(field: string): FieldGetter {
  const parts = field.split('.');
  if (parts.length === 1) {
    const key = field;
    return (event) => (hasOwn(event, key) ? (event as Record<string, unknown>)[key] : undefined);
  }
  if (parts.length === 2) {
    const [first = '', second = ''] = parts;
    return (event) => {
      const record = event as Record<string, unknown>;
      const outer = hasOwn(record, first) ? record[first] : undefined;
      if (outer !== null && typeof outer === 'object' && !Array.isArray(outer) && hasOwn(outer, second)) {
        const inner = (outer as Record<string, unknown>)[second];
        if (inner !== undefined) return inner;
      }
      return resolve(event, parts, 0);
    };
  }
  return (event) => resolve(event, parts, 0);
}
