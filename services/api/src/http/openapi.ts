import { z } from 'zod';
import { errorBodySchema } from '../schemas/common.schema.js';
import type { Route } from './route-def.js';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json['$schema'];
  return json;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const json = toSchema(schema, 'input');
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
    schema: property,
  }));
}

const ERRORS: Readonly<Record<string, string>> = {
  '400': 'Invalid input (validation_failed, invalid_query)',
  '401': 'Not signed in, or a bad token',
  '403': 'The role lacks the permission, or the CSRF token is missing',
  '404': 'Not found',
  '409': 'Conflict (stale version, invalid transition)',
  '429': 'Too many attempts: see Retry-After',
};

/** The OpenAPI 3.1 description of the routes, generated from their zod schemas. */
export function buildOpenApi(routes: readonly Route[], info: { title: string; version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {
      [String(route.status)]: route.stream
        ? { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }
        : {
            description: 'OK',
            content: {
              'application/json': {
                schema: route.schemas.response ? toSchema(route.schemas.response, 'output') : {},
              },
            },
          },
    };
    for (const [status, description] of Object.entries(ERRORS)) {
      if (route.access === 'public' && (status === '401' || status === '403')) continue;
      responses[status] = {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      'x-vigil-permission': route.access,
      security: route.access === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [], csrfToken: [] }],
      parameters: [
        ...parametersOf(route.schemas.params, 'path'),
        ...parametersOf(route.schemas.query, 'query'),
      ],
      ...(route.schemas.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.schemas.body, 'input') } },
            },
          }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Vigil SIEM API. Errors are `{error: {code, message, details}}`.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Error: toSchema(errorBodySchema, 'output') },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token `vgl_…` (machines)' },
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-vigil_session',
          description: 'Console session',
        },
        csrfToken: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description: 'Required with the cookie on changes',
        },
      },
    },
  };
}
