import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const configFile = fileURLToPath(new URL('./fixture/vite.config.ts', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureURL: string;
  }
}

/** Builds the fixture page once per run and serves it on a free loopback port. */
export default async function setup(project: TestProject) {
  // A folder per run, so that two runs at once never serve each other's half-written build.
  const outDir = mkdtempSync(join(tmpdir(), 'ck-browser-fixture-'));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the fixture server has no port');
  project.provide('fixtureURL', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
