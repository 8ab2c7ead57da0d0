import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, launchChromium, openFixture } from './browser';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let session: BrowserSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Serious and critical axe violations on the page, summarized for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')})`,
    );
}

describe.each([
  ['light', 'ltr'],
  ['dark', 'ltr'],
  ['dark', 'rtl'],
] as const)('axe in the %s theme, %s', (theme, dir) => {
  it('finds nothing serious in the list', async () => {
    const { page, context } = await openFixture(session, { theme, dir });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious in selection mode', async () => {
    const { page, context } = await openFixture(session, { theme, dir, selected: 3 });
    await page.getByText('3 selected').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious with the dialog open and history to be cleared', async () => {
    const { page, context } = await openFixture(session, { theme, dir, selected: 2, pending: 2 });
    const dialog = page.getByRole('alertdialog', { name: 'Delete 2 conversations?' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'Also clear chat history' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('a swiped-open row', () => {
  it('finds nothing serious', async () => {
    const { page, context } = await openFixture(session, { openSwipe: 1 });
    await page.locator('[data-swipe="open"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
