/**
 * All leaf values of a dotted field in a JSON document, the way Elasticsearch sees them: nested
 * objects and dotted keys are the same path (`{"source":{"ip":…}}` and `{"source.ip":…}`), arrays
 * (also arrays of objects) are flattened, and null is no value.
 */
export function fieldValues(doc: unknown, field: string): unknown[] {
  return fieldReader(field)(doc);
}

/**
 * A compiled `fieldValues` for one field, for hot loops: the candidate keys (`a`, `a.b`, `a.b.c` …
 * from each position) are built once, so reading a document allocates nothing but the result.
 */
export function fieldReader(field: string): (doc: unknown) => unknown[] {
  const path = field.split('.');
  // keys[from][to - from] = path[from..to] joined with dots.
  const keys = path.map((_, from) =>
    path.slice(from).map((__, length) => path.slice(from, from + length + 1).join('.')),
  );
  return (doc) => {
    const out: unknown[] = [];
    collect(doc, keys, 0, path.length, out);
    return out;
  };
}

function collect(
  node: unknown,
  keys: readonly (readonly string[])[],
  from: number,
  length: number,
  out: unknown[],
): void {
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    for (const item of node) collect(item, keys, from, length, out);
    return;
  }
  if (from === length) {
    out.push(node);
    return;
  }
  if (typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const candidates = keys[from] ?? [];
  for (let i = 0; i < candidates.length; i++) {
    const key = candidates[i] ?? '';
    if (Object.hasOwn(record, key)) collect(record[key], keys, from + i + 1, length, out);
  }
}
