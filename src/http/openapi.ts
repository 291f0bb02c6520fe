// OpenAPI 3.1 from the route list; schemas come from zod's own JSON Schema conversion.
import { z, type ZodType } from 'zod';
import type { ApiRoute } from './api-route.ts';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

export function openApiDocument(routes: ApiRoute[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      description: `Roles: ${r.roles}${r.action ? ` (permission ${r.action})` : ''}`,
      ...(r.action && { 'x-permission': r.action }),
      tags: [r.tag],
      ...(r.auth !== false && { security: [{ adminToken: [] }, { session: [] }] }),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }),
      ...(r.contentType && {
        requestBody: {
          required: true,
          content: { [r.contentType]: { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } },
        },
      }),
      responses: {
        [String(r.status ?? 200)]: { description: 'OK', ...(r.response && { content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } }) },
        default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'shebao-sentinel API', version: '1', description: '社保合规助手 REST API. Errors: {error:{code,message,details?}}.' },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN (printed on the first start, `sentinel keys show`)' },
        session: {
          type: 'apiKey', in: 'cookie', name: 'sentinel_session',
          description: 'H5 session cookie. Writes (POST/PUT/PATCH/DELETE) must come from this origin (Origin or Sec-Fetch-Site) and carry the cookie sentinel_csrf\'s value in X-CSRF-Token; otherwise 403.',
        },
      },
    },
    paths,
  };
}

function jsonSchema(schema: ZodType, io: 'input' | 'output' = 'input'): unknown {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}
