import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, launchChromium, openFixture } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

function activeLabel(page: Page) {
  return page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
  );
}

/** Asks to delete the row at `index` with its own Delete button, from the keyboard. */
async function askToDeleteRow(page: Page, index: number) {
  const row = page.getByRole('row').nth(index);
  const id = (await row.getAttribute('data-id')) as string;
  await row.hover();
  const button = row.getByRole('button', { name: /^Delete / });
  await button.focus();
  await button.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Remove this chat?' });
  await dialog.waitFor();
  return { dialog, id, label: await button.getAttribute('aria-label') };
}

describe('a confirmation the host composed from the parts (stories/ComposedDeleteDialog)', () => {
  it('is modal in the top layer: Cancel focused, focus kept inside, Escape cancels', async () => {
    const { page, context, errors } = await openFixture(session, { scenario: 'composedDialog' });
    const { dialog, label } = await askToDeleteRow(page, 2);
    // The host's order puts Remove first; the choice that loses nothing still has focus.
    expect(await activeLabel(page)).toBe('Keep');
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    expect(await dialog.getAttribute('data-state')).toBe('open');
    expect(await page.locator('output').textContent()).toBe('true');

    // Every element outside the dialog that takes focus from here on.
    await page.evaluate(() => {
      const outside: string[] = [];
      (window as unknown as { focusedOutside: string[] }).focusedOutside = outside;
      document.addEventListener('focusin', (event) => {
        const target = event.target as Element;
        if (!target.closest('[role="alertdialog"]')) outside.push(target.outerHTML.slice(0, 80));
      });
    });
    const insideAfterEachTab: boolean[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      insideAfterEachTab.push(
        await dialog.evaluate((element) => element.contains(document.activeElement)),
      );
    }
    expect(
      await page.evaluate(() => (window as unknown as { focusedOutside: string[] }).focusedOutside),
    ).toEqual([]);
    // Focus may leave the page for the browser's own UI at the ends; it never lands behind.
    expect(insideAfterEachTab.filter(Boolean).length).toBeGreaterThanOrEqual(6);

    // A click on the page behind reaches nothing: it is inert.
    await page.mouse.click(10, 650);
    expect(await dialog.isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await activeLabel(page)).toBe(label);
    expect(await page.locator('output').textContent()).toBe('false');
    expect(await page.evaluate(() => window.kit.store?.getState().pendingDeletion)).toBeNull();
    expect(await page.evaluate(() => window.kit.server?.calls.length)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('deletes with the history cleared when the person ticks the box', async () => {
    const { page, context, errors } = await openFixture(session, { scenario: 'composedDialog' });
    const { dialog, id } = await askToDeleteRow(page, 1);

    await dialog.getByRole('checkbox', { name: 'Also clear chat history' }).check();
    expect(await dialog.textContent()).toContain('They cannot be recovered.');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();

    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Deleted 1 conversation' }).waitFor();
    expect(await page.evaluate(() => window.kit.server?.calls)).toEqual([
      { device: 'phone', method: 'deleteConversation', conversationIDs: [id], clearMessage: true },
    ]);
    expect(await page.locator(`[data-id="${id}"]`).count()).toBe(0);
    // The row that asked is gone: the host's onFallbackFocus gave focus back to the list.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'row');
    expect(errors).toEqual([]);
    await context.close();
  });
});
