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

function device(page: Page, name: 'Phone' | 'Laptop') {
  return page.getByRole('region', { name });
}

async function deleteOnPhone(page: Page, rowIndex: number) {
  const phone = device(page, 'Phone');
  const row = phone.getByRole('row').nth(rowIndex);
  const id = (await row.getAttribute('data-id')) as string;
  const name = (await row.locator('.ck-row-name').textContent()) as string;
  await row.hover();
  await row.getByRole('button', { name: /^Delete / }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await phone.getByRole('status').filter({ hasText: 'Deleted 1 conversation' }).waitFor();
  return { id, name };
}

describe('two devices on one server, multi-client sync on', () => {
  it('removes a conversation deleted on the phone from the laptop, and says so', async () => {
    const { page, context, errors } = await openFixture(
      session,
      { scenario: 'twoDevices', sync: true, latency: 100 },
      { width: 1280 },
    );
    await device(page, 'Laptop').getByRole('row').first().waitFor();
    const { id, name } = await deleteOnPhone(page, 2);

    const laptop = device(page, 'Laptop');
    await laptop
      .getByRole('status')
      .filter({ hasText: `${name} was deleted on another device` })
      .waitFor();
    expect(await laptop.locator(`[data-id="${id}"]`).count()).toBe(0);
    expect(await laptop.getByRole('grid').getAttribute('aria-rowcount')).toBe('11');

    // A new message brings it back on both devices, with its old history (it was kept).
    const kept = await page.evaluate((target) => window.kit.server?.historyLength(target), id);
    expect(kept).toBeGreaterThan(0);
    await page
      .getByRole('region', { name: 'Server' })
      .getByRole('button', { name: 'New message' })
      .click();
    await laptop.locator(`[data-id="${id}"]`).waitFor();
    await device(page, 'Phone').locator(`[data-id="${id}"]`).waitFor();
    expect(await page.evaluate((target) => window.kit.server?.historyLength(target), id)).toBe(
      (kept as number) + 1,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('two devices on one server, multi-client sync off', () => {
  it('leaves the conversation on the laptop', async () => {
    const { page, context } = await openFixture(
      session,
      { scenario: 'twoDevices', sync: false, latency: 50 },
      { width: 1280 },
    );
    await device(page, 'Laptop').getByRole('row').first().waitFor();
    const { id } = await deleteOnPhone(page, 1);
    await page.waitForTimeout(300);
    const laptop = device(page, 'Laptop');
    expect(await laptop.locator(`[data-id="${id}"]`).count()).toBe(1);
    expect(await laptop.getByRole('grid').getAttribute('aria-rowcount')).toBe('12');
    expect(await device(page, 'Phone').getByRole('grid').getAttribute('aria-rowcount')).toBe('11');
    await context.close();
  });
});
