import { FieldCatalog, type FieldCatalogSpec, type FieldType } from './field-catalog.js';

interface MappingProperty {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, MappingProperty>>;
  readonly index?: boolean;
  readonly fields?: Readonly<Record<string, MappingProperty>>;
}

const ES_TYPES: Readonly<Record<string, FieldType>> = {
  keyword: 'keyword',
  constant_keyword: 'keyword',
  wildcard: 'keyword',
  text: 'text',
  match_only_text: 'text',
  long: 'number',
  integer: 'number',
  short: 'number',
  byte: 'number',
  double: 'number',
  float: 'number',
  half_float: 'number',
  scaled_float: 'number',
  unsigned_long: 'number',
  date: 'date',
  date_nanos: 'date',
  ip: 'ip',
  boolean: 'boolean',
};

export interface MappedFields {
  readonly fields: Record<string, FieldType>;
  /** Flattened fields and objects without declared properties: any key under them is a keyword. */
  readonly prefixes: Record<string, FieldType>;
  /** Multi-field name → the field whose value it indexes. */
  readonly sources: Record<string, string>;
}

/**
 * The searchable fields of an Elasticsearch mapping (`mappings.properties`), flattened to dotted
 * names. Fields with `index: false` are left out: they cannot be searched. Multi-fields
 * (`user.name.keyword`) are included under their own names.
 */
export function fieldsFromMapping(properties: Readonly<Record<string, MappingProperty>>): MappedFields {
  const fields: Record<string, FieldType> = {};
  const prefixes: Record<string, FieldType> = {};
  const sources: Record<string, string> = {};
  const walk = (props: Readonly<Record<string, MappingProperty>>, prefix: string, source?: string): void => {
    for (const [name, property] of Object.entries(props)) {
      const path = `${prefix}${name}`;
      if (property.type === 'flattened') prefixes[`${path}.`] = 'keyword';
      else if (property.properties !== undefined) {
        if (Object.keys(property.properties).length === 0) prefixes[`${path}.`] = 'keyword';
        walk(property.properties, `${path}.`);
      } else if (property.type === 'object') prefixes[`${path}.`] = 'keyword';
      const type = property.type === undefined ? undefined : ES_TYPES[property.type];
      if (type !== undefined && property.index !== false) {
        fields[path] = type;
        if (source !== undefined) sources[path] = source;
      }
      if (property.fields !== undefined) walk(property.fields, `${path}.`, path);
    }
  };
  walk(properties, '');
  return { fields, prefixes, sources };
}

/** A catalog from a mapping, with extra open namespaces for fields mapped dynamically (as keywords). */
export function catalogFromMapping(
  properties: Readonly<Record<string, MappingProperty>>,
  spec: Omit<FieldCatalogSpec, 'fields'>,
): FieldCatalog {
  const mapped = fieldsFromMapping(properties);
  return new FieldCatalog({
    ...spec,
    fields: mapped.fields,
    prefixes: { ...mapped.prefixes, ...spec.prefixes },
    sources: { ...mapped.sources, ...spec.sources },
  });
}
