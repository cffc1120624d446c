/** Builds the web app (src/web) into dist/web, which the Parley server serves at `/`. */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts: the server's CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      // src/core is pure (no I/O, no globals touched at import): a module of it that nothing
      // uses is left out. Without this, importing core's index from the document screen would
      // bring every notation's reader and writer into its first script, for the registry's sake.
      treeshake: { moduleSideEffects: (id) => (/[\\/]src[\\/]core[\\/]/u.test(id) ? false : undefined) },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
