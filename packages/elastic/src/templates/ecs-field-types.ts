import type { estypes } from '@elastic/elasticsearch';

/**
 * Field types of the ECS mappings, limited to what every Elasticsearch distribution has: the local
 * stack's minimal build lacks `match_only_text`, `wildcard` and `constant_keyword` (mapper-extras and
 * x-pack modules), so ECS's `match_only_text` becomes `text` and `wildcard` becomes `keyword`.
 */
type Property = estypes.MappingProperty;
type Properties = Record<string, Property>;

export const keyword: Property = { type: 'keyword', ignore_above: 1024 };
/** Long keywords (command lines, URLs) keep more characters, and a `text` subfield for word search. */
export const longKeyword: Property = {
  type: 'keyword',
  ignore_above: 8191,
  fields: { text: { type: 'text' } },
};
export const text: Property = { type: 'text' };
/** Searchable by words, aggregatable by the exact value in `.keyword`. */
export const textKeyword: Property = {
  type: 'text',
  fields: { keyword: { type: 'keyword', ignore_above: 1024 } },
};
/** Kept in `_source` for people and replays, neither searchable nor aggregatable (ECS: `index: false`). */
export const storedOnly: Property = { type: 'text', index: false };
export const ip: Property = { type: 'ip' };
export const date: Property = { type: 'date' };
export const long: Property = { type: 'long' };
export const integer: Property = { type: 'integer' };
export const float: Property = { type: 'float' };
export const boolean: Property = { type: 'boolean' };
export const geoPoint: Property = { type: 'geo_point' };
/** Objects whose keys vary (group-by values, event summaries): every leaf value as a keyword. */
export const flattened: Property = { type: 'flattened', ignore_above: 1024 };

export function object(properties: Properties): Property {
  return { type: 'object', properties };
}

/** Strings not mapped explicitly are keywords (ECS' default), never dates guessed from their look. */
export const DYNAMIC_DEFAULTS: estypes.MappingTypeMapping = {
  dynamic: true,
  date_detection: false,
  numeric_detection: false,
  dynamic_templates: [
    {
      strings_as_keyword: {
        match_mapping_type: 'string',
        mapping: { type: 'keyword', ignore_above: 1024 },
      },
    },
  ],
};
