import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type BrowserSession,
  collectErrors,
  deleteRowAt,
  launchChromium,
  openFixture,
} from './browser';

// The outbox across tabs and offline, in real Chromium (issue 15): two tabs of one browser share
// localStorage, Web Locks and BroadcastChannel. Each tab has its own in-memory server built from
// the same seed (same conversations), standing for the one backend both tabs talk to: what a tab
// sends is read from its own server.

let session: BrowserSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

const shotsDir = join(tmpdir(), 'ck-tabs-shots');

function callsFor(page: Page, id: string) {
  return page.evaluate(
    (target) =>
      (window.kit.server?.calls ?? []).filter((call) => call.conversationIDs.includes(target)),
    id,
  );
}

function rowOf(page: Page, id: string) {
  return page.locator(`[role="row"][data-id="${id}"]`);
}

/** A second tab of the same browser (context), on the same fixture. */
async function openSecondTab(context: BrowserContext, params: Record<string, string | number>) {
  const page = await context.newPage();
  const errors = collectErrors(page);
  const search = new URLSearchParams(
    Object.entries(params).map(([key, value]) => [key, String(value)]),
  );
  await page.goto(`${inject('fixtureURL')}?${search}`);
  await page.getByRole('row').first().waitFor();
  return { page, errors };
}

const outboxKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('conversation-kit:outbox:')),
  );

describe('two tabs of one account', () => {
  it('hides a deletion pending in one tab in the other, and Undo brings the row back in both', async () => {
    const params = { undo: 30_000 };
    const first = await openFixture(session, params);
    const second = await openSecondTab(first.context, params);
    const { id, name } = await deleteRowAt(first.page, 1);
    await rowOf(second.page, id).waitFor({ state: 'detached' });
    // The other tab shows no Undo of its own: the deletion is the first tab's to take back.
    expect(await second.page.getByRole('button', { name: 'Undo', exact: true }).count()).toBe(0);

    await first.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await first.page
      .getByRole('status')
      .filter({ hasText: `Restored ${name}` })
      .waitFor();
    await rowOf(second.page, id).waitFor();
    expect(await second.page.getByRole('row').nth(1).getAttribute('data-id')).toBe(id);
    expect(await callsFor(first.page, id)).toEqual([]);
    expect(await callsFor(second.page, id)).toEqual([]);
    expect(await outboxKeys(second.page)).toEqual([]);
    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.context.close();
  });

  it('when the tab that deleted closes during the window, the other tab sends the deletion, once', async () => {
    // Slow enough that the closing tab's last-moment send cannot finish before it is gone.
    const params = { undo: 30_000, latency: 3_000 };
    const first = await openFixture(session, params);
    const second = await openSecondTab(first.context, params);
    const third = await openSecondTab(first.context, params);
    const { id } = await deleteRowAt(first.page, 2);
    await rowOf(second.page, id).waitFor({ state: 'detached' });
    await rowOf(third.page, id).waitFor({ state: 'detached' });

    await first.page.close();
    // One of the two live tabs takes the deletion over (Web Locks decide which) and sends it.
    const sentBy = async () =>
      (await callsFor(second.page, id)).length + (await callsFor(third.page, id)).length;
    await expect.poll(sentBy, { timeout: 30_000, interval: 200 }).toBe(1);
    await expect.poll(() => outboxKeys(second.page), { timeout: 30_000 }).toEqual([]);
    // Well after it settled: still one call, and the row never came back in either tab.
    await second.page.waitForTimeout(1_000);
    expect(await sentBy()).toBe(1);
    expect(await rowOf(second.page, id).count()).toBe(0);
    expect(await rowOf(third.page, id).count()).toBe(0);
    const [call] = [...(await callsFor(second.page, id)), ...(await callsFor(third.page, id))];
    expect(call?.clearMessage).toBe(false);
    expect([...second.errors, ...third.errors]).toEqual([]);
    await first.context.close();
  }, 60_000);
});

describe('offline', () => {
  it('keeps the row hidden while offline, says so, and deletes it once back online', async () => {
    mkdirSync(shotsDir, { recursive: true });
    const { page, context, errors } = await openFixture(session, {});
    // The browser goes offline (navigator.onLine, the `offline` event), and so does the backend.
    await context.setOffline(true);
    await page.evaluate(() => window.kit.server?.setOnline(false));
    const { id } = await deleteRowAt(page, 1);
    const status = page.getByRole('status');
    await status
      .filter({ hasText: "1 conversation will be deleted when you're back online" })
      .waitFor();
    await page.screenshot({ path: join(shotsDir, 'offline.png') });
    expect(await rowOf(page, id).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Retry', exact: true }).count()).toBe(0);
    // Backoff keeps trying while offline: nothing reaches the server, the row stays hidden.
    await page.waitForTimeout(1_500);
    expect(await callsFor(page, id)).toEqual([]);
    expect(await rowOf(page, id).count()).toBe(0);
    expect(await outboxKeys(page)).toHaveLength(1);

    await page.evaluate(() => window.kit.server?.setOnline(true));
    await context.setOffline(false);
    // Back online, the waiting deletion goes out at once (the `online` event), not after backoff.
    await status.filter({ hasText: 'Deleted 1 conversation' }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(shotsDir, 'back-online.png') });
    expect(await callsFor(page, id)).toHaveLength(1);
    expect(await rowOf(page, id).count()).toBe(0);
    expect(await outboxKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an offline deletion across a reload, and sends it from the new page once online', async () => {
    const { page, context, errors } = await openFixture(session, {});
    await context.setOffline(true);
    await page.evaluate(() => window.kit.server?.setOnline(false));
    const { id } = await deleteRowAt(page, 1);
    await page.getByRole('status').filter({ hasText: 'back online' }).waitFor();
    // The fixture is served from localhost, which stays reachable: only the backend is offline.
    await context.setOffline(false);
    await page.reload();
    await page.getByRole('row').first().waitFor();
    expect(await rowOf(page, id).count()).toBe(0);
    await expect.poll(() => callsFor(page, id), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => outboxKeys(page), { timeout: 10_000 }).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
