// Measures what the kit adds to a host app's bundle: its JS minified and gzipped, with the peer
// dependencies left out (the host already has React, zustand, react-query) but its own
// dependencies (@tanstack/react-virtual) bundled in, and its stylesheet gzipped.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const peers = Object.keys(packageJson.peerDependencies ?? {});

export const BUDGET = { jsGzip: 15 * 1024, cssGzip: 4 * 1024 };

export async function measureSize() {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
      rolldownOptions: {
        external: (id) => peers.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((item) => item.output);
  const js = outputs
    .filter((item) => item.type === 'chunk')
    .map((item) => item.code)
    .join('\n');
  const css = readFileSync(new URL('../src/styles/styles.css', import.meta.url));
  const cssMinified = Buffer.from(
    css
      .toString('utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1'),
  );
  return {
    jsMinified: Buffer.byteLength(js),
    jsGzip: gzipSync(js, { level: 9 }).length,
    cssRaw: css.length,
    cssGzip: gzipSync(cssMinified, { level: 9 }).length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await measureSize();
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
  console.log(
    `kit JS: ${kb(size.jsMinified)} minified, ${kb(size.jsGzip)} gzip (budget ${kb(BUDGET.jsGzip)})`,
  );
  console.log(
    `kit CSS: ${kb(size.cssRaw)} raw, ${kb(size.cssGzip)} minified+gzip (budget ${kb(BUDGET.cssGzip)})`,
  );
}
