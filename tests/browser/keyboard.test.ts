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

function focusedRow(page: Page) {
  return page.evaluate(() => {
    const row = document.activeElement?.closest('[role="row"]');
    return row
      ? { id: row.getAttribute('data-id'), index: row.getAttribute('aria-rowindex') }
      : null;
  });
}

async function tabIntoList(page: Page) {
  // The first Tab reaches "Select", the second the list's one tab stop.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
}

describe('moving through the list with the keyboard', () => {
  it('has one tab stop and moves a roving focus with the arrows, Home and End', async () => {
    const { page, context, errors } = await openFixture(session, { count: 10_000 });
    expect(
      await page.getByRole('grid', { name: 'Conversations' }).getAttribute('aria-rowcount'),
    ).toBe('10000');
    await tabIntoList(page);
    expect(await focusedRow(page)).toMatchObject({ index: '1' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow(page)).toMatchObject({ index: '3' });
    await page.keyboard.press('End');
    expect(await focusedRow(page)).toMatchObject({ index: '10000' });
    await page.keyboard.press('PageUp');
    const afterPageUp = Number((await focusedRow(page))?.index);
    expect(afterPageUp).toBeLessThan(10_000);
    expect(afterPageUp).toBeGreaterThan(9_985);
    await page.keyboard.press('Home');
    expect(await focusedRow(page)).toMatchObject({ index: '1' });
    // Only a window of rows is in the DOM.
    expect(await page.getByRole('row').count()).toBeLessThan(40);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the focused row when it is scrolled out of the DOM and back', async () => {
    const { page, context } = await openFixture(session, { count: 2_000 });
    await tabIntoList(page);
    await page.keyboard.press('ArrowDown');
    const focused = await focusedRow(page);
    await page.getByRole('grid').evaluate((grid) => {
      grid.scrollTop = 60_000;
    });
    await page.waitForFunction(
      (id) => !document.querySelector(`[data-id="${CSS.escape(id as string)}"]`),
      focused?.id,
    );
    // Tab from outside returns to the same conversation, scrolled back into view.
    await page.getByRole('button', { name: 'Select' }).focus();
    await page.keyboard.press('Tab');
    await page.waitForFunction(
      (id) => document.activeElement?.closest('[role="row"]')?.getAttribute('data-id') === id,
      focused?.id,
    );
    expect(await focusedRow(page)).toEqual(focused);
    await context.close();
  });

  it('opens a conversation with Enter', async () => {
    const { page, context } = await openFixture(session);
    await tabIntoList(page);
    await page.keyboard.press('ArrowDown');
    const name = await page.evaluate(
      () => document.activeElement?.querySelector('.ck-row-name')?.textContent,
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.kit.opened)).toEqual([name]);
    await context.close();
  });
});

describe('deleting with the keyboard', () => {
  it('reaches the row Delete button with Tab and asks to confirm', async () => {
    const { page, context } = await openFixture(session);
    await tabIntoList(page);
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(label).toMatch(/^Delete /);
    // Focus shows the action: it is the topmost element where it sits.
    const visible = await page.evaluate(() => {
      const button = document.activeElement as HTMLElement;
      const box = button.getBoundingClientRect();
      return (
        document
          .elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
          ?.closest('button') === button
      );
    });
    expect(visible).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Delete conversation?' }).waitFor();
    await context.close();
  });

  it('asks to delete the focused row with the Delete key', async () => {
    const { page, context } = await openFixture(session);
    await tabIntoList(page);
    await page.keyboard.press('ArrowDown');
    const focused = await focusedRow(page);
    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog', { name: 'Delete conversation?' }).waitFor();
    expect(
      await page.evaluate(() => window.kit.store?.getState().pendingDeletion?.conversationIDs),
    ).toEqual([focused?.id]);
    await context.close();
  });
});

describe('selecting with the keyboard', () => {
  it('toggles with Space, extends with Shift+Arrow, selects all with Ctrl+A and leaves with Escape', async () => {
    const { page, context } = await openFixture(session);
    await page.getByRole('button', { name: 'Select' }).click();
    await page.getByRole('checkbox', { name: 'Select all' }).waitFor();
    // Done took the place and the focus of Select; Delete is disabled at 0, so Tab reaches the list.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Done');
    await page.keyboard.press('Tab');
    const first = await focusedRow(page);
    expect(first).toMatchObject({ index: '1' });
    await page.keyboard.press('Space');
    await page.getByText('1 selected').waitFor();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.getByText('3 selected').waitFor();
    expect(await page.locator('[role="row"][aria-selected="true"]').count()).toBe(3);
    expect(
      await page
        .getByRole('checkbox', { name: 'Select all' })
        .evaluate((box) => (box as HTMLInputElement).indeterminate),
    ).toBe(true);

    await page.keyboard.press('Control+a');
    await page.getByText('30 selected').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Select all' }).isChecked()).toBe(true);

    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog', { name: 'Delete 30 conversations?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'hidden' });

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Select' }).waitFor();
    expect(await page.locator('[aria-selected="true"]').count()).toBe(0);
    expect(await page.evaluate(() => window.kit.server?.calls.length)).toBe(0);
    await context.close();
  });
});
