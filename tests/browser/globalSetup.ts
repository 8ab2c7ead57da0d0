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
  await build({ configFile, logLevel: 'warn' });
  const server = await preview({
    configFile,
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the fixture server has no port');
  project.provide('fixtureURL', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}
