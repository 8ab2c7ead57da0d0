// The layers point one way (issue 16): adapter → runtime (plain TS) → store and hooks → components.
// Each folder of src may import only from the folders listed for it, and the plain-TypeScript
// layers take no value from React (types are erased and allowed).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** The folders of src each folder may import from (itself always). */
const allowedImports: Record<string, readonly string[]> = {
  core: [],
  i18n: ['core'],
  adapters: ['core'],
  runtime: ['core'],
  store: ['core'],
  context: ['core', 'i18n', 'runtime', 'store'],
  hooks: ['core', 'i18n', 'runtime', 'store', 'context'],
  components: ['core', 'i18n', 'runtime', 'store', 'context', 'hooks'],
  styles: [],
  // The adapter conformance suite (conversation-kit/testing) drives any adapter through the
  // ChatAdapter contract alone: it knows core (the types, the ID forms the kit accepts) and no
  // adapter or engine of its own.
  testing: ['core'],
};

/** Packages whose values pull React in. */
const reactPackages = ['react', 'react-dom', '@tanstack/react-query', 'zustand'];
const withoutReact = new Set(['core', 'i18n', 'adapters', 'runtime', 'store', 'testing']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

interface ImportStatement {
  from: string;
  typeOnly: boolean;
}

function importsOf(file: string): ImportStatement[] {
  const code = readFileSync(file, 'utf8');
  const statements = code.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms);
  return [...statements].map((match) => ({
    typeOnly: match[1] !== undefined,
    from: match[2] as string,
  }));
}

function layerOf(file: string): string {
  return relative(src, file).split(/[\\/]/)[0] as string;
}

const files = sourceFiles(src).filter((file) => layerOf(file) in allowedImports);

describe('the layers of src', () => {
  it('has a rule for every folder', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !(folder in allowedImports))).toEqual([]);
  });

  it('imports only from the folders below each one', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      for (const { from } of importsOf(file)) {
        if (!from.startsWith('.')) continue;
        const target = layerOf(resolve(dirname(file), from));
        if (target !== layer && !allowedImports[layer]?.includes(target)) {
          wrong.push(`${relative(src, file)} imports ${from}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps React out of core, i18n, adapters, runtime, store and testing', () => {
    const wrong: string[] = [];
    for (const file of files.filter((item) => withoutReact.has(layerOf(item)))) {
      for (const { from, typeOnly } of importsOf(file)) {
        // zustand's vanilla store is plain TypeScript; its React binding is not.
        const isReact = reactPackages.some((name) => from === name || from.startsWith(`${name}/`));
        if (isReact && !typeOnly && from !== 'zustand/vanilla') {
          wrong.push(`${relative(src, file)} imports ${from}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  // The vendor SDKs are optional peers: a type of theirs in the kit's sources would reach the
  // published .d.ts files and break every host without that SDK, and a value would load it. The
  // one exception: Sendbird accepts only handlers made by its own classes, so its adapter takes
  // those two (conversation-kit/sendbird is imported only by hosts that have the SDK).
  it('imports no chat SDK, but the Sendbird adapter its two handler classes', () => {
    const sdkPackages = ['@tencentcloud/chat', 'stream-chat', '@sendbird/chat'];
    const allowed = [
      'adapters/sendbird/createSendbirdChatAdapter.ts imports @sendbird/chat: { ConnectionHandler }',
      'adapters/sendbird/createSendbirdChatAdapter.ts imports @sendbird/chat/groupChannel: { GroupChannelHandler }',
    ];
    const found: string[] = [];
    for (const file of sourceFiles(src)) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)'/gms)) {
        const from = match[3] as string;
        if (!sdkPackages.some((name) => from === name || from.startsWith(`${name}/`))) continue;
        const names = (match[2] as string).replace(/\s+/g, ' ');
        found.push(`${relative(src, file)} imports ${from}: ${match[1] ?? ''}${names}`);
      }
    }
    expect(found).toEqual(allowed);
  });
});
