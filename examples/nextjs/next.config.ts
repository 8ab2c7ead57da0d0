import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// This folder, not the repository around it: the example is a package of its own, with its own
// lockfile and node_modules (Next would otherwise take the repository's lockfile as the root).
const exampleRoot = dirname(fileURLToPath(import.meta.url));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: { root: exampleRoot },
  outputFileTracingRoot: exampleRoot,
};

export default nextConfig;
