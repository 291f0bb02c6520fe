// The permission matrix: every role × every REST route, generated from the permission table
// (src/domain/permissions.ts) and the route list as GET /api/v1/openapi.json publishes it. A role
// the table does not grant is refused (403, or 404 where existence is hidden) and the refusal
// changes nothing but the audit log; a role it grants is never refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { permissionTable, type Action } from '../../src/domain/permissions.ts';
import type { Role } from '../../src/generated/prisma/enums.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { sampleFromSchema } from '../helpers/sample-from-schema.ts';
import { tableCounts } from '../helpers/table-counts.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { sampleParams, ungatedRoutes, type Gate } from './permission-matrix-routes.ts';

const t = await createTestDb({ now: () => new Date('2026-03-20T02:00:00Z') });
const { request, auth } = createTestApp(t);
const roles: Role[] = ['EMPLOYEE', 'MANAGER', 'HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN'];
const CHINESE = /[\u4e00-\u9fff]/;

interface Operation { key: string; method: string; path: string; gate: Gate; body?: unknown; multipart: boolean }
const session: Partial<Record<Role, Record<string, string>>> = {};
const ids = { report: '', colleague: '' };
let operations: Operation[] = [];

beforeAll(async () => {
  const manager = await makeActor(t.deps, ['EMPLOYEE'], { name: '王经理' });
  ids.report = (await makeEmployee(t.deps, { managerEmployeeNo: manager.employee.employeeNo })).id;
  ids.colleague = (await makeEmployee(t.deps, { name: '李同事' })).id;
  const people: Partial<Record<Role, string>> = { MANAGER: manager.employee.id };
  for (const role of roles.filter((r) => r !== 'MANAGER')) people[role] = (await makeActor(t.deps, [role])).employee.id;
  for (const role of roles) {
    const { token } = await createSession(t.deps, { employeeId: people[role]!, platform: 'sandbox', method: 'test' });
    session[role] = { Authorization: `Bearer ${token}` };
  }
  const doc = (await request.get('/api/v1/openapi.json').set(auth)).body as { paths: Record<string, Record<string, OpenApiOperation>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => {
    const content = op.requestBody?.content ?? {};
    return {
      key: `${method.toUpperCase()} ${path}`, method, path,
      gate: op['x-permission'] ? { action: op['x-permission'] } : ungatedRoutes[`${method.toUpperCase()} ${path}`]!,
      body: sampleFromSchema(content['application/json']?.schema, ids.colleague), multipart: 'multipart/form-data' in content,
    };
  }));
});

interface OpenApiOperation { 'x-permission'?: Action; requestBody?: { content: Record<string, { schema?: object }> } }

/** The route's URL with every id pointing at the colleague (or at nothing), and sample values elsewhere. */
function urlOf(op: Operation): string {
  return `/api/v1${op.path.replace(/\{(\w+)\}/g, (_m, name: string) => sampleParams[name] ?? ids.colleague)}`;
}

function send(op: Operation, headers: Record<string, string>) {
  const req = request[op.method as 'get'](urlOf(op)).set(headers);
  if (op.multipart) return req.field('employeeId', ids.colleague).field('kind', 'OTHER_EMPLOYER_CONTRIBUTIONS').attach('file', pdfBytes(), { filename: 'a.pdf' });
  return op.body === undefined ? req : req.send(op.body as object);
}

const gated = () => operations.filter((op): op is Operation & { gate: { action: Action } } => typeof op.gate === 'object');
const grants = (role: Role, op: Operation) => typeof op.gate === 'object' && permissionTable[role][op.gate.action] !== undefined;

describe('the permission matrix', () => {
  it('finds a permission or a reason for every route of the OpenAPI document, and lists no route that is gone', () => {
    expect(operations.filter((op) => !op.gate).map((op) => op.key)).toEqual([]);
    expect(Object.keys(ungatedRoutes).filter((key) => !operations.some((op) => op.key === key))).toEqual([]);
    expect(gated().length).toBeGreaterThan(40);
  });

  it('refuses every role the table does not grant, with a Chinese 403 or 404, and changes nothing but the audit log', async () => {
    const before = await tableCounts(t.db);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const op of gated()) {
      for (const role of roles.filter((r) => !grants(r, op))) {
        const res = await send(op, session[role]!);
        if (![403, 404].includes(res.status) || !CHINESE.test(res.body?.error?.message ?? '')) wrong.push(`${role} ${op.key} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('never refuses a role the table grants (all scope)', async () => {
    const wrong: string[] = [];
    for (const op of gated()) {
      for (const role of roles.filter((r) => permissionTable[r][op.gate.action] === 'all')) {
        const res = await send(op, session[role]!);
        if (res.status === 403 || res.status >= 500) wrong.push(`${role} ${op.key} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
