/**
 * All leaf values of a dotted field in a JSON document, the way Elasticsearch sees them: nested
 * objects and dotted keys are the same path (`{"source":{"ip":…}}` and `{"source.ip":…}`), arrays
 * (also arrays of objects) are flattened, and null is no value.
 */
export function fieldValues(doc: unknown, field: string): unknown[] {
  return valuesAt(doc, field.split('.'));
}

/** `fieldValues` with the path already split, for hot loops. */
export function valuesAt(doc: unknown, path: readonly string[]): unknown[] {
  const out: unknown[] = [];
  collect(doc, path, 0, out);
  return out;
}

function collect(node: unknown, path: readonly string[], from: number, out: unknown[]): void {
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    for (const item of node) collect(item, path, from, out);
    return;
  }
  if (from === path.length) {
    out.push(node);
    return;
  }
  if (typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  let key = '';
  for (let i = from; i < path.length; i++) {
    key = i === from ? (path[i] ?? '') : `${key}.${path[i] ?? ''}`;
    if (Object.hasOwn(record, key)) collect(record[key], path, i + 1, out);
  }
}
