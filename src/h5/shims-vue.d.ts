// Lets plain tsc (the root typecheck, which reaches router.ts through the manifest test)
// accept .vue imports. vue-tsc resolves the real components and ignores this fallback.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
