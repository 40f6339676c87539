/**
 * Builds the renderer into dist/renderer with relative asset paths, so the same files load from
 * Electron (file://) and from `plenary serve` (http://127.0.0.1). Nothing is inlined as a script:
 * the page's CSP forbids inline code.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('../renderer/', import.meta.url));

// The renderer always ships React's production build and production JSX, whatever NODE_ENV the
// caller runs under (vitest sets 'test', which would otherwise give jsxDEV calls against a
// production React). Vite reads NODE_ENV after loading this file.
process.env.NODE_ENV = 'production';

export default defineConfig({
  // Always React's production build, even when the caller's NODE_ENV says otherwise (vitest sets 'test').
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  root: rendererRoot,
  base: './',
  plugins: [react()],
  // The paste worker (renderer/editor/paste-worker.ts) is a module worker, a file of its own.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Small assets stay files: nothing as data: scripts, and the CSP stays simple.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});
