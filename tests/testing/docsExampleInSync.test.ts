import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the example of docs/adapters.md', () => {
  it('is tests/testing/docsExample.test.ts with the package import paths', () => {
    const page = read('../../docs/adapters.md');
    const marker = page.indexOf('<!-- The block below is tests/testing/docsExample.test.ts');
    expect(marker).toBeGreaterThan(-1);
    const block = /```ts\n([\s\S]*?)```/.exec(page.slice(marker))?.[1];
    // The test file without its opening comment, importing as a package user would.
    const example = read('./docsExample.test.ts')
      .replace(/^(\/\/.*\n)+\n/, '')
      .replaceAll("'../../src/memory'", "'conversation-kit/memory'")
      .replaceAll("'../../src/testing'", "'conversation-kit/testing'");
    expect(block).toBe(example);
  });
});
