// Measures what the kit adds to a host app's bundle: all of its JS (every export of the package
// root, the in-memory server and the Tencent adapter included) minified and gzipped, with the peer
// dependencies left out (the host already has React, zustand, react-query) and any dependency of
// its own bundled in; and its stylesheet, minified and gzipped.
//
// `npm run size` prints the figures against the spec's targets and fails above the ceilings,
// which stop growth while the JS target is not yet met.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const peers = Object.keys(packageJson.peerDependencies ?? {});

/** The targets of SPEC section 6. */
export const BUDGET = { jsGzip: 15 * 1024, cssGzip: 4 * 1024 };
/** What `npm test` enforces: the CSS target, and for JS today's size plus a little headroom. */
export const CEILING = { jsGzip: 22 * 1024, cssGzip: BUDGET.cssGzip };

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
  const verdict = (value, target) => (value <= target ? 'meets' : 'over');
  console.log(
    `kit JS: ${kb(size.jsMinified)} minified, ${kb(size.jsGzip)} gzip — ${verdict(size.jsGzip, BUDGET.jsGzip)} the ${kb(BUDGET.jsGzip)} target (ceiling ${kb(CEILING.jsGzip)})`,
  );
  console.log(
    `kit CSS: ${kb(size.cssRaw)} raw, ${kb(size.cssGzip)} minified+gzip — ${verdict(size.cssGzip, BUDGET.cssGzip)} the ${kb(BUDGET.cssGzip)} target`,
  );
  if (size.jsGzip > CEILING.jsGzip || size.cssGzip > CEILING.cssGzip) {
    console.error('The kit grew past its size ceiling.');
    process.exitCode = 1;
  }
}
