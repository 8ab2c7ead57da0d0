// The stylesheet ships as written: hosts import it as `conversation-kit/styles.css`. Beside it
// goes a declaration file, the `types` entry of that export, so that the import type-checks in a
// host without a bundler's CSS typings (Vite's `vite/client`) and under
// `noUncheckedSideEffectImports`, which otherwise fails it with TS2307.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
copyFileSync('src/styles/styles.css', 'dist/styles.css');
writeFileSync(
  'dist/styles.css.d.ts',
  "// `import 'conversation-kit/styles.css'` adds the kit's stylesheet; it exports nothing.\nexport {};\n",
);
