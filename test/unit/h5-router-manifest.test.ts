// app.json is the single list of H5 pages: the server answers index.html for each, and the
// client router must have exactly the same routes, titles and roles, each with a component.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest.ts';
import { pageComponents, routeRecords } from '../../src/h5/router.ts';
import { buildRouteRecords, manifestMismatches, type ManifestPage } from '../../src/h5/routes.ts';

const manifest = loadManifest(fileURLToPath(new URL('../../app.json', import.meta.url)));
const pages = manifest.h5.pages;
const lazy = () => Promise.resolve({ default: {} });

describe('H5 router and app.json', () => {
  it('has one route per manifest page with the same path, name, title and roles', () => {
    const routes = routeRecords.map((r) => ({ path: r.path, name: r.name, title: r.meta?.title, roles: r.meta?.roles }));
    expect(routes).toEqual(pages.map((p) => ({ path: p.path, name: p.name, title: p.title, roles: p.roles })));
  });

  it('gives every manifest page a lazy component and routes every component', () => {
    expect(manifestMismatches(pages, pageComponents)).toEqual([]);
    expect(Object.keys(pageComponents).sort()).toEqual(pages.map((p) => p.name).sort());
    for (const record of routeRecords) expect(record.component).toBe(pageComponents[String(record.name)]);
  });

  it('routes the manifest home page', () => {
    expect(routeRecords.map((r) => r.path)).toContain(manifest.h5.home);
  });
});

describe('manifestMismatches', () => {
  // A page no app.json lists (打卡 used to be the example until it became a real page).
  const extraPage: ManifestPage = { path: '/payslip', name: 'payslip', title: '工资条', roles: ['EMPLOYEE'] };

  it('reports a page added to app.json without a component', () => {
    expect(manifestMismatches([...pages, extraPage], pageComponents)).toEqual([
      'app.json page "payslip" (/payslip) has no component in src/h5/router.ts',
    ]);
  });

  it('reports a component that no app.json page routes to', () => {
    expect(manifestMismatches(pages, { ...pageComponents, payslip: lazy })).toEqual([
      'component "payslip" in src/h5/router.ts is not a page in app.json h5.pages',
    ]);
  });

  it('does not treat inherited object keys as components', () => {
    const page: ManifestPage = { path: '/x', name: 'toString', title: 'x', roles: ['PUBLIC'] };
    expect(manifestMismatches([page], {})).toHaveLength(1);
  });
});

describe('buildRouteRecords', () => {
  it('refuses to build routes from a manifest the components do not match', () => {
    expect(() => buildRouteRecords(pages, { me: lazy })).toThrow(/"login" \(\/login\) has no component/);
  });

  it('copies title and roles into route meta', () => {
    const [record] = buildRouteRecords([{ path: '/a', name: 'a', title: '甲', roles: ['HR_MANAGER'] }], { a: lazy });
    expect(record).toMatchObject({ path: '/a', name: 'a', component: lazy, meta: { title: '甲', roles: ['HR_MANAGER'] } });
  });
});
