import { describe, expect, it } from 'vitest';
import { catalogFromMapping, fieldsFromMapping } from './catalog-from-mapping.js';

describe('fieldsFromMapping', () => {
  it('flattens properties, skips unindexed fields, opens flattened and empty objects', () => {
    expect(
      fieldsFromMapping({
        '@timestamp': { type: 'date' },
        message: { type: 'text' },
        event: {
          type: 'object',
          properties: { original: { type: 'text', index: false }, id: { type: 'keyword' } },
        },
        user: { properties: { name: { type: 'text', fields: { keyword: { type: 'keyword' } } } } },
        source: { properties: { ip: { type: 'ip' }, port: { type: 'long' } } },
        group: { type: 'flattened' },
        labels: { type: 'object', properties: {} },
        geo: { properties: { location: { type: 'geo_point' } } },
      }),
    ).toEqual({
      fields: {
        '@timestamp': 'date',
        message: 'text',
        'event.id': 'keyword',
        'user.name': 'text',
        'user.name.keyword': 'keyword',
        'source.ip': 'ip',
        'source.port': 'number',
      },
      prefixes: { 'group.': 'keyword', 'labels.': 'keyword' },
      sources: { 'user.name.keyword': 'user.name' },
    });
  });

  it('builds a catalog with extra namespaces', () => {
    const catalog = catalogFromMapping(
      {
        t: { type: 'date' },
        id: { type: 'keyword' },
        group: { type: 'flattened' },
        title: { type: 'text', fields: { keyword: { type: 'keyword' } } },
      },
      { name: 'x', timeField: 't', idField: 'id', defaultFields: [], prefixes: { 'zeek.': 'keyword' } },
    );
    expect(catalog.typeOf('group.source.ip')).toBe('keyword');
    expect(catalog.typeOf('zeek.conn.state')).toBe('keyword');
    expect(catalog.typeOf('group')).toBeUndefined();
    expect(catalog.sourceOf('title.keyword')).toBe('title');
    expect(catalog.sourceOf('title')).toBe('title');
  });
});
