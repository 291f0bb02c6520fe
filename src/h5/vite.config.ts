// Builds the H5 into <repo>/dist/h5, where src/http/h5-static.ts serves it under /app.
// Paths are absolute so the build does not depend on the caller's working directory.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * Vant's icon font is embedded as a data: URL, followed by a fallback on at.alicdn.com. The
 * fallback is never needed, would send employees' addresses to a third party, and the page's
 * Content-Security-Policy (src/http/page-security-headers.ts) blocks it, which browsers report as a
 * violation. So the build drops remote fallbacks from @font-face rules.
 */
const dropRemoteFontFallbacks = {
  postcssPlugin: 'drop-remote-font-fallbacks',
  AtRule: {
    'font-face': (rule: { walkDecls(prop: string, fn: (decl: { value: string }) => void): void }) => {
      rule.walkDecls('src', (decl) => {
        decl.value = decl.value.replace(/,\s*url\((?:https?:)?\/\/[^)]*\)\s*format\([^)]*\)/g, '');
      });
    },
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  // Keep vite's cache out of src/h5, whose files are hashed to decide when to rebuild.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/h5', import.meta.url)),
  // Brotli and gzip copies next to each asset: koa-static (src/http/h5-static.ts) sends the
  // smallest one the phone accepts, with no compression work per request.
  plugins: [vue(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(?:js|css|svg|json)$/, threshold: 1024 })],
  css: { postcss: { plugins: [dropRemoteFontFallbacks] } },
  // Hot-reload development (npx vite --config src/h5/vite.config.ts) talks to a server
  // started with npm start on its default port.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/h5', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Two pages share one build and one assets/ folder: the mini-app and the sandbox chat
    // (served at /sandbox by src/http/sandbox-page.ts).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        sandbox: fileURLToPath(new URL('sandbox.html', import.meta.url)),
      },
    },
  },
});
