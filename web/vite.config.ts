import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Run from the repository root (`vite build --config web/vite.config.ts`): the app's root is this folder.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * Writes .br and .gz beside each text asset at build time, so a node serving web/dist with @fastify/static's
 * `preCompressed` option sends them compressed without compressing on every request.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'liaison-precompress',
    apply: 'build',
    closeBundle() {
      for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(js|css|json|svg|html)$/.test(name)) continue;
        const file = path.join(outDir, name);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress(path.join(root, 'dist'))],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The map data (Natural Earth TopoJSON) is fetched as a file, never inlined into a script.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Everything the first screen needs goes into one chunk beside the entry, rather than a dozen small files
        // shared with the lazily loaded areas; the areas, the home page and the map stay separate.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
  // `npx vite --config web/vite.config.ts` for development against a node on its default port.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
