import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// A host app that imports the kit by its package name, resolved to the sources of this repository
// instead of an installed copy. The more specific alias comes first.
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^conversation-kit\/styles\.css$/, replacement: here('../../src/styles/styles.css') },
      { find: /^conversation-kit$/, replacement: here('../../src/index.ts') },
    ],
  },
  build: {
    outDir: here('../../node_modules/.cache/host-app-dist'),
    emptyOutDir: true,
  },
});
