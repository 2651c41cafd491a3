import type { FieldType } from './field-catalog.js';

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

/**
 * The searchable fields of an Elasticsearch mapping (`mappings.properties`), flattened to dotted
 * names. Fields with `index: false` are left out: they cannot be searched. Multi-fields
 * (`message.keyword`) are included under their own names.
 */
export function fieldsFromMapping(
  properties: Readonly<Record<string, MappingProperty>>,
): Record<string, FieldType> {
  const out: Record<string, FieldType> = {};
  const walk = (props: Readonly<Record<string, MappingProperty>>, prefix: string): void => {
    for (const [name, property] of Object.entries(props)) {
      const path = `${prefix}${name}`;
      if (property.properties !== undefined) walk(property.properties, `${path}.`);
      const type = property.type === undefined ? undefined : ES_TYPES[property.type];
      if (type !== undefined && property.index !== false) out[path] = type;
      if (property.fields !== undefined) walk(property.fields, `${path}.`);
    }
  };
  walk(properties, '');
  return out;
}
