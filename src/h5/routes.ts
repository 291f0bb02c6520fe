// Route records derived from app.json, so the client router and the server (which answers
// index.html for each manifest page) cannot disagree. Pure: no DOM, safe to import in node.
import type { RouteComponent, RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Roles from app.json; a page without 'PUBLIC' needs a session. */
    roles?: readonly string[];
  }
}

export interface ManifestPage {
  path: string;
  name: string;
  title: string;
  roles: readonly string[];
}

type LazyComponent = () => Promise<RouteComponent | { default: RouteComponent }>;
export type PageComponents = Readonly<Record<string, LazyComponent>>;

/** Pages without a component and components without a page, as readable sentences. */
export function manifestMismatches(pages: readonly ManifestPage[], components: PageComponents): string[] {
  const pageNames = new Set(pages.map((p) => p.name));
  return [
    ...pages.filter((p) => !Object.hasOwn(components, p.name)).map((p) => `app.json page "${p.name}" (${p.path}) has no component in src/h5/router.ts`),
    ...Object.keys(components).filter((n) => !pageNames.has(n)).map((n) => `component "${n}" in src/h5/router.ts is not a page in app.json h5.pages`),
  ];
}

/** Throws on any mismatch: a page that cannot render is a build mistake, not a runtime state. */
export function buildRouteRecords(pages: readonly ManifestPage[], components: PageComponents): RouteRecordRaw[] {
  const problems = manifestMismatches(pages, components);
  if (problems.length > 0) throw new Error(`H5 router out of sync with app.json:\n${problems.join('\n')}`);
  return pages.map((page) => ({
    path: page.path,
    name: page.name,
    component: components[page.name] as LazyComponent,
    meta: { title: page.title, roles: page.roles },
  }));
}
