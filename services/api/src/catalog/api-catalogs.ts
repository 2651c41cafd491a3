import { indexTemplates } from '@vigil/elastic';
import { catalogFromMapping, type FieldCatalog, type SearchIndex } from '@vigil/query';

/** Namespaces parsers fill dynamically (mapped as keywords by the templates' dynamic rule). */
const VENDOR_PREFIXES = {
  'zeek.': 'keyword',
  'aws.': 'keyword',
  'nginx.': 'keyword',
  'system.': 'keyword',
  'cloud.': 'keyword',
} as const;

type Properties = Parameters<typeof catalogFromMapping>[0];

function propertiesOf(family: string): Properties {
  const template = indexTemplates({ indexPrefix: 'vigil', shards: 1, replicas: 0 }).find(
    (t) => t.name === `vigil-${family}`,
  );
  const properties = template?.body.template?.mappings?.properties;
  if (properties === undefined) throw new Error(`@vigil/elastic has no ${family} template`);
  return properties;
}

/**
 * The searchable fields of each index, read from `@vigil/elastic`'s index templates: the one
 * source of truth for both backends, so a field is searchable in memory exactly when it is in
 * Elasticsearch (e.g. `event.original` is stored but not indexed, as in ECS).
 */
export function apiCatalogs(): Readonly<Record<SearchIndex, FieldCatalog>> {
  return {
    events: catalogFromMapping(propertiesOf('events'), {
      name: 'events',
      timeField: '@timestamp',
      idField: 'event.id',
      defaultFields: ['message'],
      prefixes: VENDOR_PREFIXES,
    }),
    alerts: catalogFromMapping(propertiesOf('alerts'), {
      name: 'alerts',
      timeField: '@timestamp',
      idField: 'id',
      defaultFields: ['rule.title'],
    }),
    incidents: catalogFromMapping(propertiesOf('incidents'), {
      name: 'incidents',
      timeField: 'updated_at',
      idField: 'id',
      defaultFields: ['title'],
    }),
  };
}
