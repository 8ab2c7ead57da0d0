// Gives the relative imports of the emitted declarations (dist/**/*.d.ts) the file extensions
// that Node's ESM rules require. The sources import `./adapters/memory` without an extension,
// which bundlers and `moduleResolution: bundler` accept; a host compiling with `node16` or
// `nodenext` reads the kit's .d.ts files as ES modules (the package is `"type": "module"`) and
// rejects such an import (TS2834). Each one becomes `./x.js` or `./x/index.js`, whichever
// declaration file exists; an import that matches neither fails the build rather than ship.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function declarationFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

// `from './x'`, `import('./x')` (inferred types) and `import './x'`.
const relativeImport = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

function withExtension(file, specifier) {
  if (/\.(m?js|json)$/.test(specifier)) return specifier;
  const base = join(dirname(file), specifier);
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${relative(dist, file)}: no declaration file for '${specifier}'`);
}

let changed = 0;
for (const file of declarationFiles(dist)) {
  const code = readFileSync(file, 'utf8');
  const fixed = code.replace(
    relativeImport,
    (_match, keyword, quote, specifier) =>
      `${keyword}${quote}${withExtension(file, specifier)}${quote}`,
  );
  if (fixed !== code) {
    writeFileSync(file, fixed);
    changed += 1;
  }
}
console.log(`declaration imports: extensions added in ${changed} files`);
