import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The benchmark page: each contender built for production, like a host app ships it.
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { sourcemap: false, chunkSizeWarningLimit: 5_000 },
});
