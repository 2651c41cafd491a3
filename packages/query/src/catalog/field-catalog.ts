/** How a field is indexed, which decides how a value is matched against it. */
export const FIELD_TYPES = ['keyword', 'text', 'number', 'date', 'ip', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldCatalogSpec {
  /** The index's name for messages, e.g. `events`. */
  readonly name: string;
  /** Exact field names and their types. */
  readonly fields: Readonly<Record<string, FieldType>>;
  /** Open-ended vendor namespaces (`zeek.`, `labels.`): any field under them has this type. */
  readonly prefixes?: Readonly<Record<string, FieldType>>;
  /** Fields that free text (a value without a field) searches. */
  readonly defaultFields: readonly string[];
  /** Multi-fields (`user.name.keyword`) → the `_source` field they index (`user.name`). */
  readonly sources?: Readonly<Record<string, string>>;
  /** The event-time field, for time ranges and histograms. */
  readonly timeField: string;
  /** A unique keyword field, the last sort key so that `search_after` pages never skip or repeat. */
  readonly idField: string;
}

/**
 * The allowlist of searchable fields of one index. A field not listed is refused (400), so a typo
 * says so instead of silently matching nothing, and nothing outside the mapping reaches the backend.
 */
export class FieldCatalog {
  readonly name: string;
  readonly defaultFields: readonly string[];
  readonly timeField: string;
  readonly idField: string;
  private readonly fields: ReadonlyMap<string, FieldType>;
  private readonly prefixes: readonly (readonly [string, FieldType])[];
  private readonly sources: ReadonlyMap<string, string>;

  constructor(spec: FieldCatalogSpec) {
    this.name = spec.name;
    this.fields = new Map(Object.entries(spec.fields));
    this.prefixes = Object.entries(spec.prefixes ?? {}).sort((a, b) => b[0].length - a[0].length);
    this.defaultFields = spec.defaultFields;
    this.timeField = spec.timeField;
    this.idField = spec.idField;
    this.sources = new Map(Object.entries(spec.sources ?? {}));
    for (const field of [...spec.defaultFields, spec.timeField, spec.idField]) {
      if (this.typeOf(field) === undefined)
        throw new Error(`catalog ${spec.name}: ${field} is not a known field`);
    }
  }

  typeOf(field: string): FieldType | undefined {
    const exact = this.fields.get(field);
    if (exact !== undefined) return exact;
    for (const [prefix, type] of this.prefixes) {
      if (field.startsWith(prefix) && field.length > prefix.length) return type;
    }
    return undefined;
  }

  /** Where a field's values are in a document: itself, or for a multi-field the field it indexes. */
  sourceOf(field: string): string {
    return this.sources.get(field) ?? field;
  }

  /** Field names, for the API's field list and for error hints. */
  names(): string[] {
    return [...this.fields.keys(), ...this.prefixes.map(([prefix]) => `${prefix}*`)].sort();
  }

  /** Up to three known fields that look like `field` (closest spelling first), for "did you mean" hints. */
  suggest(field: string): string[] {
    const lower = field.toLowerCase();
    const last = lower.split('.').at(-1) ?? lower;
    return [...this.fields.keys()]
      .map((name) => ({ name, distance: editDistance(lower, name.toLowerCase()) }))
      .filter(({ name, distance }) => distance <= 2 || name.toLowerCase().split('.').at(-1) === last)
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
      .slice(0, 3)
      .map(({ name }) => name);
  }
}

/** Levenshtein distance, for spelling hints on short field names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
