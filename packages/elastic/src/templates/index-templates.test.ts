import type { estypes } from '@elastic/elasticsearch';
import { alertSchema, eventSchema, incidentSchema } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { indexTemplates } from './index-templates.js';

const templates = indexTemplates({ indexPrefix: 'vigil', shards: 1, replicas: 0 });

function propertiesOf(name: string): Record<string, estypes.MappingProperty> {
  const template = templates.find((candidate) => candidate.name === name);
  const properties = template?.body.template?.mappings?.properties;
  if (properties === undefined) throw new Error(`no template ${name}`);
  return properties;
}

/** The mapping of a dotted path, walking object properties. */
function mappingAt(
  properties: Record<string, estypes.MappingProperty>,
  path: string,
): estypes.MappingProperty | undefined {
  const [head, ...rest] = path.split('.');
  const field = properties[head!];
  if (rest.length === 0 || field === undefined) return field;
  const nested = (field as { properties?: Record<string, estypes.MappingProperty> }).properties;
  return nested === undefined ? undefined : mappingAt(nested, rest.join('.'));
}

/** Every field path a zod schema declares, down to leaves, records and unions. */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } })
    .def;
  if (def.innerType !== undefined) return schemaPaths(def.innerType, prefix);
  if (def.type === 'array' && def.element !== undefined) return schemaPaths(def.element, prefix);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
      schemaPaths(value, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return [prefix];
}

describe('indexTemplates', () => {
  it('covers every daily family and the incidents index, with their patterns', () => {
    expect(templates.map((template) => [template.name, template.body.index_patterns])).toEqual([
      ['vigil-events', ['vigil-events-*']],
      ['vigil-alerts', ['vigil-alerts-*']],
      ['vigil-notifications', ['vigil-notifications-*']],
      ['vigil-incidents', ['vigil-incidents']],
    ]);
  });

  it.each([
    ['vigil-events', eventSchema],
    ['vigil-alerts', alertSchema],
    ['vigil-incidents', incidentSchema],
  ] as const)('%s maps every field of its schema explicitly', (name, schema) => {
    const unmapped = schemaPaths(schema).filter((path) => mappingAt(propertiesOf(name), path) === undefined);
    expect(unmapped).toEqual([]);
  });

  it('uses the ECS types that matter for searching', () => {
    const events = propertiesOf('vigil-events');
    expect(mappingAt(events, 'source.ip')).toEqual({ type: 'ip' });
    expect(mappingAt(events, 'related.ip')).toEqual({ type: 'ip' });
    expect(mappingAt(events, '@timestamp')).toEqual({ type: 'date' });
    expect(mappingAt(events, 'event.original')).toEqual({ type: 'text', index: false });
    expect(mappingAt(events, 'message')).toEqual({ type: 'text' });
    expect(mappingAt(events, 'source.port')).toEqual({ type: 'long' });
    expect(mappingAt(events, 'user.name')).toMatchObject({
      type: 'text',
      fields: { keyword: { type: 'keyword' } },
    });
    expect(mappingAt(events, 'event.category')).toMatchObject({ type: 'keyword' });
    expect(mappingAt(propertiesOf('vigil-alerts'), 'group')).toMatchObject({ type: 'flattened' });
    expect(mappingAt(propertiesOf('vigil-incidents'), 'version')).toEqual({ type: 'long' });
  });

  it('uses no field type the minimal Elasticsearch build lacks', () => {
    const json = JSON.stringify(templates);
    for (const missing of ['match_only_text', 'wildcard', 'constant_keyword', 'unsigned_long', 'version"']) {
      expect(json).not.toContain(`"type":"${missing}`);
    }
  });
});
