// Setup of the unit-react18 project (`npm run test:react18`): fails every test file, loudly,
// unless the React the tests import is the one pinned in tests/react18/deps/package.json and no
// other copy of React was loaded beside it (the root's React 19 reached through a library that
// escaped the alias in vite.config.ts would otherwise pass unnoticed, or fail as an invalid hook
// call). This file sits outside tests/react18/deps on purpose: its `react` resolves as a test
// file's does, to the root's React 19 unless the alias applies.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { afterAll } from 'vitest';
import pinned from './deps/package.json' with { type: 'json' };

const react18Modules = join(dirname(fileURLToPath(import.meta.url)), 'deps', 'node_modules') + sep;
const expected = {
  react: pinned.dependencies.react,
  'react-dom': pinned.dependencies['react-dom'],
};
const loaded = { react: reactVersion, 'react-dom': reactDomVersion };

for (const name of ['react', 'react-dom'] as const) {
  if (loaded[name] !== expected[name] || !expected[name].startsWith('18.3.')) {
    throw new Error(
      `unit-react18 imported ${name} ${loaded[name]}, expected ${expected[name]} from ` +
        'tests/react18/deps (run `npm ci --prefix tests/react18/deps`).',
    );
  }
}

// React and React DOM are CommonJS, so Node records every copy it loaded in require.cache,
// whether it was reached by `import` or `require`.
const moduleCache = createRequire(import.meta.url).cache;

afterAll(() => {
  const strays = Object.keys(moduleCache).filter(
    (file) =>
      /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(file) &&
      !file.startsWith(react18Modules),
  );
  if (strays.length > 0) {
    throw new Error(
      `unit-react18 loaded a second React beside tests/react18/deps's:\n  ${strays.join('\n  ')}\n` +
        'Inline the library that imports it (test.server.deps.inline in vite.config.ts).',
    );
  }
});
