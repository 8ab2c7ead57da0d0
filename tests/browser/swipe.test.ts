import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, launchChromium, openFixture } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

async function rowBox(page: Page, index: number) {
  const box = await page.getByRole('row').nth(index).boundingBox();
  if (!box) throw new Error(`row ${index} is not on screen`);
  return box;
}

type MouseEventType = 'mouseMoved' | 'mousePressed' | 'mouseReleased';

function swipeState(page: Page, index: number) {
  return page.getByRole('row').nth(index).getAttribute('data-swipe');
}

interface Point {
  x: number;
  y: number;
}

async function rowCenter(page: Page, index: number): Promise<Point> {
  const box = await rowBox(page, index);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The row's Delete button; a hovering mouse or an open row shows it at the trailing edge. */
function deleteButtonOf(page: Page, index: number) {
  return page
    .getByRole('row')
    .nth(index)
    .getByRole('button', { name: /^Delete/ });
}

async function centerOf(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A mouse drag from a point, slow enough not to count as a flick, held before release. */
async function dragFrom(
  page: Page,
  from: Point,
  dx: number,
  options: { dy?: number; steps?: number } = {},
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = options.steps ?? 12;
  for (let step = 1; step <= steps; step += 1) {
    await page.mouse.move(
      from.x + (dx * step) / steps,
      from.y + ((options.dy ?? 0) * step) / steps,
    );
  }
  await page.waitForTimeout(150);
  await page.mouse.up();
}

/** A mouse drag along the row from its middle (a hovering mouse shows Delete over its end). */
async function drag(
  page: Page,
  index: number,
  dx: number,
  options: { dy?: number; steps?: number } = {},
) {
  await dragFrom(page, await rowCenter(page, index), dx, options);
}

/**
 * Counts the deletions asked for from now on: each request puts a new pending deletion in the
 * store, even for the same conversation, so a second request hidden behind an open dialog counts.
 */
async function countDeletionRequests(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const store = window.kit.store;
    if (!store) throw new Error('the fixture has no store yet');
    const counter = window as unknown as { deletionRequests: number };
    counter.deletionRequests = 0;
    store.subscribe((state, previous) => {
      if (state.pendingDeletion && state.pendingDeletion !== previous.pendingDeletion)
        counter.deletionRequests += 1;
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { deletionRequests: number }).deletionRequests);
}

describe('swiping a row with the mouse', () => {
  it('reveals Delete past half the action width and hides it when short', async () => {
    const { page, context, errors } = await openFixture(session);
    await drag(page, 1, -30);
    expect(await swipeState(page, 1)).toBe('closed');

    await drag(page, 1, -70);
    expect(await swipeState(page, 1)).toBe('open');
    const row = page.getByRole('row').nth(1);
    const deleteButton = row.getByRole('button', { name: /^Delete/ });
    const buttonBox = await deleteButton.boundingBox();
    const box = await rowBox(page, 1);
    // The action sits at the trailing (right) edge and is not covered by the row's content.
    expect(buttonBox && buttonBox.x + buttonBox.width).toBeCloseTo(box.x + box.width, 0);
    const content = await row.locator('.ck-row-main').boundingBox();
    expect(content && content.x + content.width).toBeCloseTo(buttonBox?.x ?? 0, 0);
    const topmost = await page.evaluate(
      ([x, y]) =>
        document
          .elementFromPoint(x as number, y as number)
          ?.closest('button')
          ?.getAttribute('aria-label'),
      [(buttonBox?.x ?? 0) + 10, (buttonBox?.y ?? 0) + 10],
    );
    expect(topmost).toMatch(/^Delete /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counts a fast flick as open, even when short', async () => {
    const { page, context } = await openFixture(session);
    const box = await rowBox(page, 2);
    const y = box.y + box.height / 2;
    const x = box.x + box.width / 2;
    // The flick is told apart by its speed, so the events carry their own timestamps instead
    // of whenever a busy machine delivers them.
    const cdp = await page.context().newCDPSession(page);
    const gesture = (rowY: number, startSeconds: number) => {
      return (type: MouseEventType, atX: number, afterMs: number, buttons: number) =>
        cdp.send('Input.dispatchMouseEvent', {
          type,
          x: atX,
          y: rowY,
          button: 'left',
          buttons,
          clickCount: 1,
          timestamp: startSeconds + afterMs / 1000,
        });
    };
    const fast = gesture(y, Date.now() / 1000);
    await fast('mouseMoved', x, 0, 0);
    await fast('mousePressed', x, 0, 1);
    await fast('mouseMoved', x - 10, 16, 1);
    await fast('mouseMoved', x - 40, 32, 1);
    await fast('mouseReleased', x - 40, 40, 0);
    expect(await swipeState(page, 2)).toBe('open');
    // 40 px slowly is not enough: the same distance over half a second snaps back.
    const slow = gesture(y + box.height, Date.now() / 1000 + 1);
    await slow('mouseMoved', x, 0, 0);
    await slow('mousePressed', x, 0, 1);
    await slow('mouseMoved', x - 10, 250, 1);
    await slow('mouseMoved', x - 40, 500, 1);
    await slow('mouseReleased', x - 40, 520, 0);
    expect(await swipeState(page, 3)).toBe('closed');
    await cdp.detach();
    await context.close();
  });

  it('keeps one row open at a time, and closes it on a tap elsewhere or on Escape', async () => {
    const { page, context } = await openFixture(session);
    await drag(page, 1, -80);
    await drag(page, 3, -80);
    expect(await swipeState(page, 1)).toBe('closed');
    expect(await swipeState(page, 3)).toBe('open');

    await page.mouse.click(5, 5);
    expect(await swipeState(page, 3)).toBe('closed');

    await drag(page, 3, -80);
    await page.keyboard.press('Escape');
    expect(await swipeState(page, 3)).toBe('closed');
    // Closing by tap did not open the conversation.
    expect(await page.evaluate(() => window.kit.opened)).toEqual([]);
    await context.close();
  });

  it('moves the row without a single React commit while the pointer moves', async () => {
    const { page, context } = await openFixture(session);
    const box = await rowBox(page, 1);
    const y = box.y + box.height / 2;
    const startX = box.x + box.width / 2;
    await page.mouse.move(startX, y);
    await page.mouse.down();
    await page.mouse.move(startX - 12, y); // decides the axis
    const before = await page.evaluate(() => window.kit.commits);
    for (let step = 1; step <= 60; step += 1) await page.mouse.move(startX - 12 - step * 2, y);
    const during = await page.evaluate(() => window.kit.commits);
    expect(await swipeState(page, 1)).toBe('dragging');
    const offset = await page
      .getByRole('row')
      .nth(1)
      .evaluate((row) => getComputedStyle(row).getPropertyValue('--ck-swipe-offset'));
    expect(offset.trim()).toBe('-132px');
    await page.waitForTimeout(150);
    await page.mouse.up();
    expect(during - before).toBe(0);
    expect(await swipeState(page, 1)).toBe('open');
    await context.close();
  });

  it('asks to delete at once after a full swipe past 60% of the row', async () => {
    const { page, context } = await openFixture(session);
    const name = await page.getByRole('row').nth(2).getAttribute('data-id');
    const box = await rowBox(page, 2);
    await drag(page, 2, -(box.width * 0.75));
    const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
    await dialog.waitFor();
    expect(
      await page.evaluate(() => window.kit.store?.getState().pendingDeletion?.conversationIDs),
    ).toEqual([name]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.kit.server?.calls.length)).toBe(0);
    await context.close();
  });

  it('only snaps open when full swipe is off', async () => {
    const { page, context } = await openFixture(session, { fullSwipe: false });
    const box = await rowBox(page, 2);
    await drag(page, 2, -(box.width * 0.75));
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await swipeState(page, 2)).toBe('open');
    await context.close();
  });

  it('does nothing when a drag starts vertically: that is a scroll', async () => {
    const { page, context } = await openFixture(session);
    await drag(page, 2, -60, { dy: 120 });
    expect(await swipeState(page, 2)).toBe('closed');
    expect(await page.evaluate(() => window.kit.store?.getState().openSwipeID)).toBeNull();
    await context.close();
  });

  it('swipes toward the left edge in RTL', async () => {
    const { page, context } = await openFixture(session, { dir: 'rtl' });
    await drag(page, 1, -80);
    expect(await swipeState(page, 1)).toBe('closed');
    await drag(page, 1, 80);
    expect(await swipeState(page, 1)).toBe('open');
    const button = await page
      .getByRole('row')
      .nth(1)
      .getByRole('button', { name: /^Delete/ })
      .boundingBox();
    const box = await rowBox(page, 1);
    expect(button?.x).toBeCloseTo(box.x, 0);
    // The content moved right by the action's width, uncovering the button rather than hiding it.
    const content = await page.getByRole('row').nth(1).locator('.ck-row-main').boundingBox();
    expect(content?.x).toBeCloseTo(box.x + (button?.width ?? 0), 0);
    await context.close();
  });

  it('is off in selection mode, where a drag selects nothing and opens nothing', async () => {
    const { page, context } = await openFixture(session, { selected: 1 });
    await drag(page, 2, -80);
    expect(await swipeState(page, 2)).toBe('closed');
    expect(
      await page
        .getByRole('row')
        .nth(2)
        .getByRole('button', { name: /^Delete/ })
        .count(),
    ).toBe(0);
    await context.close();
  });
});

describe('a drag that starts on the revealed Delete', () => {
  it('moves the open row back and closes it, without pressing Delete', async () => {
    const { page, context } = await openFixture(session, { openSwipe: 1 });
    const deletionRequests = await countDeletionRequests(page);
    const from = await centerOf(deleteButtonOf(page, 1));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1) await page.mouse.move(from.x + step * 7, from.y);
    // The row follows the pointer: it is being dragged, not waiting for a click.
    expect(await swipeState(page, 1)).toBe('dragging');
    await page.waitForTimeout(150);
    await page.mouse.up();
    expect(await swipeState(page, 1)).toBe('closed');
    expect(await page.evaluate(() => window.kit.store?.getState().openSwipeID)).toBeNull();
    await page.waitForTimeout(100);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await deletionRequests()).toBe(0);
    expect(await page.evaluate(() => window.kit.opened)).toEqual([]);
    await context.close();
  });

  it('asks to delete once after a full swipe past 60% of the row', async () => {
    const { page, context } = await openFixture(session, { openSwipe: 2 });
    const id = await page.getByRole('row').nth(2).getAttribute('data-id');
    const deletionRequests = await countDeletionRequests(page);
    const box = await rowBox(page, 2);
    // Open, the row is already moved by the action's width: half the row more is past 60%.
    await dragFrom(page, await centerOf(deleteButtonOf(page, 2)), -(box.width / 2));
    const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
    await dialog.waitFor({ timeout: 2_000 });
    expect(
      await page.evaluate(() => window.kit.store?.getState().pendingDeletion?.conversationIDs),
    ).toEqual([id]);
    await page.waitForTimeout(100);
    // The release was the end of the swipe, not also a click on Delete.
    expect(await deletionRequests()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.kit.server?.calls.length)).toBe(0);
    await context.close();
  });

  it('closes the open row under a finger that starts on Delete too', async () => {
    const { page, context } = await openFixture(session, { openSwipe: 1 }, { hasTouch: true });
    const deletionRequests = await countDeletionRequests(page);
    const finger = await fingerOn(page);
    await finger.swipe(await centerOf(deleteButtonOf(page, 1)), 80);
    expect(await swipeState(page, 1)).toBe('closed');
    await page.waitForTimeout(100);
    expect(await deletionRequests()).toBe(0);
    await finger.detach();
    await context.close();
  });

  it('stays a click on Delete when the pointer does not move, even when held', async () => {
    const { page, context } = await openFixture(session);
    const deletionRequests = await countDeletionRequests(page);
    const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
    // A hovering mouse shows Delete on a closed row.
    await page.getByRole('row').nth(1).hover();
    await deleteButtonOf(page, 1).click();
    await dialog.waitFor({ timeout: 2_000 });
    expect(await deletionRequests()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Held longer than a long press: still Delete, not selection mode.
    const at = await centerOf(deleteButtonOf(page, 3));
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.waitForTimeout(650);
    await page.mouse.up();
    await dialog.waitFor({ timeout: 2_000 });
    expect(await deletionRequests()).toBe(2);
    expect(await page.evaluate(() => window.kit.store?.getState().selectionMode)).toBe(false);
    await context.close();
  });
});

describe('long press', () => {
  it('enters selection mode with the pressed row selected', async () => {
    const { page, context } = await openFixture(session);
    const box = await rowBox(page, 3);
    await page.mouse.move(box.x + 100, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(650);
    await page.mouse.up();
    const row = page.getByRole('row').nth(3);
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await page.getByText('1 selected').waitFor();
    expect(await page.evaluate(() => window.kit.opened)).toEqual([]);
    await context.close();
  });
});

/**
 * A finger on the page: real touch input through CDP, which Chromium turns into pointer events,
 * scrolling, taps and their clicks itself, as it would for a person.
 */
async function fingerOn(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: Point) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [at] : [] });
  return {
    /** Moves slowly and rests before lifting, so that neither a flick nor a fling follows. */
    async swipe(from: Point, dx: number, dy = 0) {
      await touch('touchStart', from);
      for (let step = 1; step <= 10; step += 1) {
        await touch('touchMove', { x: from.x + (dx * step) / 10, y: from.y + (dy * step) / 10 });
      }
      await page.waitForTimeout(150);
      await touch('touchEnd');
    },
    async tap(at: Point) {
      await touch('touchStart', at);
      await touch('touchEnd');
    },
    /** Holds still, then optionally drifts by `drift` px down before lifting. */
    async press(at: Point, holdMs: number, drift = 0) {
      await touch('touchStart', at);
      await page.waitForTimeout(holdMs);
      for (let step = 1; step <= 5; step += 1) {
        if (drift) await touch('touchMove', { x: at.x, y: at.y + (drift * step) / 5 });
      }
      await touch('touchEnd');
    },
    detach: () => cdp.detach(),
  };
}

/** The name of the conversation shown at a point of the page. */
function nameAt(page: Page, at: Point) {
  return page.evaluate(
    ({ x, y }) =>
      document.elementFromPoint(x, y)?.closest('[role="row"]')?.querySelector('.ck-row-name')
        ?.textContent,
    at,
  );
}

describe('touch', () => {
  it('opens a row with a finger swipe and scrolls on a vertical one', async () => {
    const { page, context } = await openFixture(session, { count: 200 }, { hasTouch: true });
    const finger = await fingerOn(page);
    await finger.swipe(await rowCenter(page, 1), -90);
    expect(await swipeState(page, 1)).toBe('open');

    await finger.swipe(await rowCenter(page, 3), -20, -200);
    await page.waitForTimeout(200);
    const scrollTop = await page.getByRole('grid').evaluate((grid) => grid.scrollTop);
    expect(scrollTop).toBeGreaterThan(0);
    // Scrolling closed the open row and opened no other.
    expect(await page.evaluate(() => window.kit.store?.getState().openSwipeID)).toBeNull();
    await finger.detach();
    await context.close();
  });

  it('asks to delete on the first tap on Delete after a finger swipe opened the row', async () => {
    const { page, context } = await openFixture(session, {}, { hasTouch: true });
    const finger = await fingerOn(page);
    await finger.swipe(await rowCenter(page, 1), -90);
    expect(await swipeState(page, 1)).toBe('open');
    // A finger drag ends without a click: nothing is left over to swallow this tap.
    await finger.tap(await centerOf(deleteButtonOf(page, 1)));
    await page
      .getByRole('alertdialog', { name: 'Delete conversation?' })
      .waitFor({ timeout: 2_000 });
    await finger.detach();
    await context.close();
  });

  it('closes an open row with a tap on another, and opens a conversation with the next tap', async () => {
    const { page, context } = await openFixture(session, { openSwipe: 1 }, { hasTouch: true });
    const finger = await fingerOn(page);
    await finger.tap(await rowCenter(page, 3));
    expect(await swipeState(page, 1)).toBe('closed');
    // That tap was spent on closing the row.
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => window.kit.opened)).toEqual([]);

    const at = await rowCenter(page, 3);
    const name = await nameAt(page, at);
    await finger.tap(at);
    await page.waitForFunction(() => window.kit.opened.length > 0, null, { timeout: 2_000 });
    expect(await page.evaluate(() => window.kit.opened)).toEqual([name]);
    await finger.detach();
    await context.close();
  });

  it('opens a conversation with the first tap after a scroll that closed the open row', async () => {
    const { page, context } = await openFixture(
      session,
      { count: 200, openSwipe: 1 },
      { hasTouch: true },
    );
    const finger = await fingerOn(page);
    // Starts on another row, so that the touch closes the open one, then turns into a scroll.
    await finger.swipe(await rowCenter(page, 3), 0, -200);
    await page.waitForFunction(() => (document.querySelector('[role="grid"]')?.scrollTop ?? 0) > 0);
    expect(await page.evaluate(() => window.kit.store?.getState().openSwipeID)).toBeNull();
    await page.waitForTimeout(200);

    const grid = await page.getByRole('grid').boundingBox();
    if (!grid) throw new Error('the list is not on screen');
    const at = { x: grid.x + grid.width / 2, y: grid.y + grid.height / 2 };
    const name = await nameAt(page, at);
    expect(name).toBeTruthy();
    await finger.tap(at);
    await page.waitForFunction(() => window.kit.opened.length > 0, null, { timeout: 2_000 });
    expect(await page.evaluate(() => window.kit.opened)).toEqual([name]);
    await finger.detach();
    await context.close();
  });

  it('selects a row with a long press, and the next tap selects another', async () => {
    const { page, context } = await openFixture(session, {}, { hasTouch: true });
    const finger = await fingerOn(page);
    const rowOf = (id: string | null) => page.locator(`[role="row"][data-id="${id}"]`);
    /** Taps a row and waits until it is selected; returns its ID. */
    const tapToSelect = async (index: number, selectedAfter: number) => {
      const id = await page.getByRole('row').nth(index).getAttribute('data-id');
      await finger.tap(await rowCenter(page, index));
      await page.getByText(`${selectedAfter} selected`).waitFor({ timeout: 2_000 });
      expect(await rowOf(id).getAttribute('aria-selected')).toBe('true');
    };

    // Held still: the lift then clicks, and that click must not toggle the row off again.
    let pressed = await page.getByRole('row').nth(3).getAttribute('data-id');
    await finger.press(await rowCenter(page, 3), 700);
    await page.getByText('1 selected').waitFor();
    expect(await rowOf(pressed).getAttribute('aria-selected')).toBe('true');
    await page.waitForTimeout(300);
    await tapToSelect(5, 2);

    // Drifting after the long press turns the touch into a scroll: no click follows at all.
    await page.keyboard.press('Escape');
    await page.getByText('1 selected').waitFor({ state: 'hidden' });
    pressed = await page.getByRole('row').nth(4).getAttribute('data-id');
    await finger.press(await rowCenter(page, 4), 700, 30);
    await page.getByText('1 selected').waitFor();
    expect(await rowOf(pressed).getAttribute('aria-selected')).toBe('true');
    await page.waitForTimeout(300);
    await tapToSelect(6, 2);
    expect(await page.evaluate(() => window.kit.opened)).toEqual([]);
    await finger.detach();
    await context.close();
  });
});
