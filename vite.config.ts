/// <reference types="vitest/config" />
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import type { TestProjectConfiguration } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

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
  'stream-chat',
  '@sendbird/chat',
];

// The jsdom and node tests. `npm run test:react18` runs them once more against React 18.3
// (project unit-react18, defined only when TEST_REACT18 is set, so `vitest run` stays on React 19).
const unit = {
  environment: 'node' as const,
  include: ['tests/**/*.test.{ts,tsx}'],
  exclude: ['tests/browser/**'],
  setupFiles: ['tests/strictMode.setup.ts'],
};

// tests/react18/deps is a package of its own holding react@18.3 and react-dom@18.3 (`npm ci
// --prefix tests/react18/deps`). Every `react` and `react-dom` import (subpaths too:
// react/jsx-dev-runtime, react-dom/client, react-dom/test-utils) is aliased to those copies. An
// alias reaches only what Vite transforms, not what Vitest hands to Node, so the libraries that
// import React are inlined: React Query and zustand as ESM already, Testing Library through its
// ESM build (its CommonJS entry would `require` the root's React even when inlined). React 18's
// own files, loaded by Node, find each other inside tests/react18/deps. tests/react18/setup.ts
// fails the run if any other React was loaded.
const react18Modules = fileURLToPath(new URL('tests/react18/deps/node_modules/', import.meta.url));

function react18Project(): TestProjectConfiguration {
  if (!existsSync(join(react18Modules, 'react-dom'))) {
    throw new Error(
      'TEST_REACT18 is set but React 18 is not installed: npm ci --prefix tests/react18/deps',
    );
  }
  const require = createRequire(import.meta.url);
  const testingLibrary = '@testing-library/react/package.json';
  const testingLibraryEsm = join(
    dirname(require.resolve(testingLibrary)),
    require(testingLibrary).module,
  );
  return {
    extends: true,
    resolve: {
      alias: [
        { find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18Modules}$1$2` },
        { find: /^@testing-library\/react$/, replacement: testingLibraryEsm },
      ],
    },
    test: {
      ...unit,
      name: 'unit-react18',
      setupFiles: ['tests/react18/setup.ts', ...unit.setupFiles],
      server: { deps: { inline: ['@testing-library/react', '@tanstack/react-query', 'zustand'] } },
    },
  };
}

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // One entry per `exports` subpath of package.json. Code two entries share (the core types'
    // helpers, the memory server and the Tencent adapter, which the root re-exports) lands in
    // shared chunks, so a host that imports both the root and a subpath loads it once.
    lib: {
      entry: {
        index: 'src/index.ts',
        memory: 'src/memory.ts',
        tencent: 'src/tencent.ts',
        server: 'src/server.ts',
        testing: 'src/testing.ts',
        stream: 'src/stream.ts',
        sendbird: 'src/sendbird.ts',
      },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: {
        // The root entry holds the components and hooks: "use client" marks it as the boundary
        // of React Server Components (Next.js App Router), so a Server Component may import it
        // and its components run as client components. A directive in the source would not
        // survive bundling; the banner goes above the bundled code. The chunks it imports need
        // none (whatever a client module imports is client code), and the other entries hold no
        // React: `/server` must stay callable from a Server Component, `/memory` too.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
      },
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
          ...unit,
          name: 'unit',
        },
      },
      ...(process.env.TEST_REACT18 ? [react18Project()] : []),
      // Type tests of the public API (tests/types/*.test-d.ts(x)): `tsc` over tests/types and
      // what it imports, each `expectTypeOf` a test; nothing runs.
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['tests/types/**/*.test-d.{ts,tsx}'],
            tsconfig: 'tests/types/tsconfig.json',
          },
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
      // Every story in stories/ as a test in Chromium: it renders without an error, passes the
      // accessibility addon's axe checks, and its `play` function (a swipe, a deletion…) passes.
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        // Quiet `npm test`: not a line for each dependency Vite bundles for the browser.
        logLevel: 'warn',
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            // Debian's Chromium with the flags every browser test here uses; Playwright gives the
            // launch a fresh user-data dir and downloads nothing.
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
          testTimeout: 30_000,
        },
      },
    ],
  },
});
