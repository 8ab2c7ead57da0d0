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

async function openDialogFromRowButton(page: Page, index: number) {
  const row = page.getByRole('row').nth(index);
  const id = await row.getAttribute('data-id');
  await row.hover();
  const button = row.getByRole('button', { name: /^Delete / });
  await button.focus();
  await button.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
  await dialog.waitFor();
  return { dialog, id: id as string, label: await button.getAttribute('aria-label') };
}

describe('the confirmation', () => {
  it('opens modal in the top layer with Cancel focused, and Escape returns focus', async () => {
    const { page, context, errors } = await openFixture(session);
    const { dialog, label } = await openDialogFromRowButton(page, 2);
    expect(await activeLabel(page)).toBe('Cancel');
    expect(await dialog.getAttribute('data-state')).toBe('open');
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Also clear chat history' }).isChecked()).toBe(
      false,
    );

    // Outside the dialog nothing can be clicked: the page behind is inert.
    await page.mouse.click(10, 650);
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => window.kit.server?.calls.length)).toBe(0);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await activeLabel(page)).toBe(label);
    expect(await page.evaluate(() => window.kit.server?.calls.length)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps history by default and says so', async () => {
    const { page, context } = await openFixture(session);
    const { dialog, id } = await openDialogFromRowButton(page, 1);
    expect(await dialog.textContent()).toContain('The messages are kept');
    const before = await page.evaluate((target) => window.kit.server?.historyLength(target), id);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Deleted 1 conversation' }).waitFor();
    expect(await page.evaluate(() => window.kit.server?.calls)).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: [id],
        clearMessage: false,
      },
    ]);
    expect(await page.evaluate((target) => window.kit.server?.historyLength(target), id)).toBe(
      before,
    );
    expect(await page.locator(`[data-id="${id}"]`).count()).toBe(0);
    // The row is gone: focus went to the row that took its place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
    await context.close();
  });

  it('warns plainly when history is cleared too, and then clears it', async () => {
    const { page, context } = await openFixture(session);
    const { dialog, id } = await openDialogFromRowButton(page, 1);
    await dialog.getByRole('checkbox', { name: 'Also clear chat history' }).check();
    expect(await dialog.textContent()).toContain('They cannot be recovered.');
    const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
    expect(await confirm.getAttribute('data-variant')).toBe('destructive');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Deleted 1 conversation' }).waitFor();
    expect(await page.evaluate(() => window.kit.server?.calls[0]?.method)).toBe(
      'deleteConversation',
    );
    expect(await page.evaluate((target) => window.kit.server?.historyLength(target), id)).toBe(0);
    await context.close();
  });

  it('does not offer to keep history on a backend that cannot', async () => {
    const { page, context } = await openFixture(session, { keepHistory: false });
    const { dialog } = await openDialogFromRowButton(page, 1);
    expect(await dialog.getByRole('checkbox').count()).toBe(0);
    expect(await dialog.textContent()).toContain('deleted from this device and the server too');
    await context.close();
  });

  it('keeps the reading order of English sentences on an RTL page', async () => {
    const { page, context } = await openFixture(session, { dir: 'rtl' });
    await page.getByRole('button', { name: 'Select' }).click();
    await page.getByRole('checkbox', { name: 'Select all' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    const count = page.getByText('2 selected');
    await count.waitFor();
    await page.keyboard.press('Delete');
    const title = page.getByRole('heading', { name: 'Delete 2 conversations?' });
    await title.waitFor();
    // Left to right on screen, as English reads: with the page's direction, "2" and "?" were
    // drawn at the other end of their sentence ("selected 2", "?Delete 2 conversations").
    const order = (element: Element) => {
      const text = element.firstChild as Text;
      const range = document.createRange();
      const leftOf = (index: number) => {
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect().left;
      };
      return leftOf(0) < leftOf((text.textContent?.length ?? 0) - 1);
    };
    expect(await count.evaluate(order)).toBe(true);
    expect(await title.evaluate(order)).toBe(true);
    // Still lined up with the dialog's start, which is its right edge in RTL.
    const edges = await title.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return [range.getBoundingClientRect().right, element.getBoundingClientRect().right];
    });
    expect(Math.abs((edges[0] as number) - (edges[1] as number))).toBeLessThan(2);
    await context.close();
  });
});
