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

async function rowBox(page: Page, index: number) {
  const box = await page.getByRole('row').nth(index).boundingBox();
  if (!box) throw new Error(`row ${index} is not on screen`);
  return box;
}

type MouseEventType = 'mouseMoved' | 'mousePressed' | 'mouseReleased';

function swipeState(page: Page, index: number) {
  return page.getByRole('row').nth(index).getAttribute('data-swipe');
}

/** A mouse drag along the row, slow enough not to count as a flick, held before release. */
async function drag(
  page: Page,
  index: number,
  dx: number,
  options: { dy?: number; steps?: number } = {},
) {
  const box = await rowBox(page, index);
  // From the middle: a hovering mouse shows Delete over the row's trailing end.
  const startX = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(startX, y);
  await page.mouse.down();
  const steps = options.steps ?? 12;
  for (let step = 1; step <= steps; step += 1) {
    await page.mouse.move(startX + (dx * step) / steps, y + ((options.dy ?? 0) * step) / steps);
  }
  await page.waitForTimeout(150);
  await page.mouse.up();
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

describe('touch', () => {
  async function touchSwipe(page: Page, index: number, dx: number, dy = 0) {
    const box = await rowBox(page, index);
    const cdp = await page.context().newCDPSession(page);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 1; step <= 10; step += 1) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: x + (dx * step) / 10, y: y + (dy * step) / 10 }],
      });
    }
    await page.waitForTimeout(150);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  it('opens a row with a finger swipe and scrolls on a vertical one', async () => {
    const { page, context } = await openFixture(session, { count: 200 }, { hasTouch: true });
    await touchSwipe(page, 1, -90);
    expect(await swipeState(page, 1)).toBe('open');

    await touchSwipe(page, 3, -20, -200);
    await page.waitForTimeout(200);
    const scrollTop = await page.getByRole('grid').evaluate((grid) => grid.scrollTop);
    expect(scrollTop).toBeGreaterThan(0);
    // Scrolling closed the open row and opened no other.
    expect(await page.evaluate(() => window.kit.store?.getState().openSwipeID)).toBeNull();
    await context.close();
  });
});
