import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing/test-world.js';

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
});
afterAll(async () => {
  await w.api.app.close();
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every route in OpenAPI 3.1, from the zod schemas', async () => {
    const response = await w.api.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = JSON.parse(response.body) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
            'x-vigil-permission': string;
            parameters: { name: string; in: string }[];
          }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of w.api.routes) {
      const operation = doc.paths[route.path.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.['x-vigil-permission']).toBe(route.access);
      expect(operation?.requestBody !== undefined).toBe(route.schemas.body !== undefined);
    }
    const search = doc.paths['/api/v1/search/events']?.['post'];
    expect(search?.requestBody?.content['application/json']?.schema).toMatchObject({
      type: 'object',
      properties: { query: { type: 'string' }, size: { type: 'integer', maximum: 500 } },
      additionalProperties: false,
    });
    expect(doc.paths['/api/v1/incidents/{id}']?.['get']?.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path' }),
    ]);
  });
});
