/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Everything a host app already has (React, the state libraries, the chat SDK) stays external,
// so the kit ships only its own code.
const external = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'zustand',
  'zustand/vanilla',
  'zustand/traditional',
  'zustand/shallow',
  'zustand/react/shallow',
  '@tanstack/react-query',
  '@tencentcloud/chat',
];

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'index.js',
    },
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
    },
  },
  test: {
    restoreMocks: true,
    // Browser tests take seconds each; listing every "slow" one would bury real messages.
    slowTestThreshold: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**'],
          setupFiles: ['tests/strictMode.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/globalSetup.ts'],
          // Real Chromium pages take longer than jsdom renders on a 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
