import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, launchChromium, openFixture } from './browser';

/*
 * What a person sees of keyboard focus and of a row's Delete action (SPEC 3): a keyboard-focused
 * row carries a ring above its content, in the list and in selection mode, in light, dark and
 * forced colours; Delete shows for hover and keyboard focus, never as a leftover of a click or tap.
 */

let session: BrowserSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

type RGB = [number, number, number];
type RGBA = [number, number, number, number];

function parseColor(value: string): RGBA {
  const hex = /^#([0-9a-f]{6})$/i.exec(value.trim());
  if (hex) {
    const n = Number.parseInt(hex[1] as string, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgb = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), Number(rgb[4] ?? 1)];
  throw new Error(`not a colour: ${value}`);
}

/**
 * The colour a keyboard-focused row's ring shows in: the theme's --ck-focus-ring, or in forced
 * colours the system's Highlight over Canvas (Chromium's emulated Highlight is translucent).
 */
async function ringColor(page: Page, forcedColors: boolean): Promise<RGB> {
  const [ring, canvas] = await page.evaluate((forced) => {
    const probe = (color: string) => {
      const element = document.createElement('span');
      element.style.color = color;
      document.body.append(element);
      const value = getComputedStyle(element).color;
      element.remove();
      return value;
    };
    if (forced) return [probe('Highlight'), probe('Canvas')];
    const row = document.querySelector('[role="row"]') as HTMLElement;
    return [getComputedStyle(row).getPropertyValue('--ck-focus-ring'), '#ffffff'];
  }, forcedColors);
  const [r, g, b, alpha] = parseColor(ring);
  const under = parseColor(canvas);
  return [r, g, b].map((channel, i) =>
    Math.round(channel * alpha + (under[i] as number) * (1 - alpha)),
  ) as RGB;
}

/**
 * The share of pixels on each edge of the image that have the given colour: on the second line of
 * pixels from each side, inside a ring of 2 px and off the row's 1 px bottom separator.
 */
function edgeShares(png: PNG, color: RGB) {
  const near = (x: number, y: number) => {
    const at = (y * png.width + x) * 4;
    return color.every((channel, i) => Math.abs((png.data[at + i] as number) - channel) <= 24);
  };
  const share = (points: Array<[number, number]>) =>
    points.filter(([x, y]) => near(x, y)).length / points.length;
  const xs = Array.from({ length: png.width }, (_, x) => x);
  const ys = Array.from({ length: png.height }, (_, y) => y);
  return {
    top: share(xs.map((x) => [x, 1])),
    bottom: share(xs.map((x) => [x, png.height - 2])),
    left: share(ys.map((y) => [1, y])),
    right: share(ys.map((y) => [png.width - 2, y])),
  };
}

async function shoot(row: Locator): Promise<PNG> {
  return PNG.sync.read(await row.screenshot({ animations: 'disabled', caret: 'hide' }));
}

/** The second row, focused with the keyboard: Tab into the grid, then ArrowDown. */
async function focusSecondRowByKeyboard(page: Page, selectionMode: boolean) {
  if (selectionMode) {
    // Tab to Select and press it: Done takes its place and focus; Delete is disabled at 0.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Select all' }).waitFor();
    await page.keyboard.press('Tab');
  } else {
    // Select, then the list's one tab stop.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('ArrowDown');
  const row = page.locator('[role="row"][aria-rowindex="2"]');
  expect(await row.evaluate((element) => element === document.activeElement)).toBe(true);
  return row;
}

describe('a keyboard-focused row is marked with a ring above its content', () => {
  const cases = (['light', 'dark'] as const).flatMap((theme) =>
    (['list', 'selection mode'] as const).map((mode) => ({ theme, mode })),
  );

  it.each(cases.map((entry) => [`${entry.mode}, ${entry.theme} theme`, entry] as const))(
    'in the %s',
    async (_, { theme, mode }) => {
      const { page, context, errors } = await openFixture(session, { theme });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      const row = await focusSecondRowByKeyboard(page, mode === 'selection mode');
      const color = await ringColor(page, false);
      const focused = await shoot(row);

      // The ring is painted over the row's content: where .ck-row-main is the topmost element
      // (elementFromPoint skips the ring, which takes no pointer events), the ring's colour shows.
      const box = (await row.boundingBox()) as { x: number; y: number; height: number };
      const hitsMain = await page.evaluate(
        ([x, y]) =>
          document.elementFromPoint(x as number, y as number)?.closest('.ck-row-main') != null,
        [box.x + 1.5, box.y + box.height / 2],
      );
      expect(hitsMain).toBe(true);

      const ring = edgeShares(focused, color);
      expect(
        Math.min(ring.top, ring.bottom, ring.left, ring.right),
        `share of each edge in the ring's colour ${color}: ${JSON.stringify(ring)}`,
      ).toBeGreaterThan(0.95);

      // Focus moves away (back to the toolbar): the same row without the ring.
      await page.keyboard.press('Shift+Tab');
      expect(await row.evaluate((element) => element.contains(document.activeElement))).toBe(false);
      const unfocused = await shoot(row);
      const none = edgeShares(unfocused, color);
      expect(Math.max(none.top, none.bottom, none.left, none.right)).toBeLessThan(0.05);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it.each(cases.map((entry) => [`${entry.mode}, ${entry.theme} theme`, entry] as const))(
    'in the %s, with forced colours (the system Highlight)',
    async (_, { theme, mode }) => {
      const { page, context } = await openFixture(session, { theme });
      await page.emulateMedia({
        colorScheme: theme,
        forcedColors: 'active',
        reducedMotion: 'reduce',
      });
      const row = await focusSecondRowByKeyboard(page, mode === 'selection mode');
      const color = await ringColor(page, true);
      const ring = edgeShares(await shoot(row), color);
      expect(
        Math.min(ring.top, ring.bottom, ring.left, ring.right),
        `share of each edge in Highlight ${color}: ${JSON.stringify(ring)}`,
      ).toBeGreaterThan(0.95);

      await page.keyboard.press('Shift+Tab');
      const none = edgeShares(await shoot(row), color);
      expect(Math.max(none.top, none.bottom, none.left, none.right)).toBeLessThan(0.05);
      await context.close();
    },
  );
});

/**
 * Whether the row's Delete action covers the row's time (at the row's trailing end, with the
 * unread badge below it): the topmost element there is the Delete button.
 */
function deleteShows(row: Locator) {
  return row.evaluate((element) => {
    const time = (element.querySelector('.ck-row-time') as HTMLElement).getBoundingClientRect();
    const hit = document.elementFromPoint(time.x + time.width / 2, time.y + time.height / 2);
    if (!element.contains(hit)) throw new Error('the row is not where it is expected');
    return hit?.closest('[data-action="delete"]') !== null;
  });
}

describe("a row's Delete shows for hover and keyboard focus only", () => {
  it('shows on a row focused with the keyboard', async () => {
    const { page, context } = await openFixture(session);
    const row = await focusSecondRowByKeyboard(page, false);
    expect(await deleteShows(row)).toBe(true);
    await context.close();
  });

  it('shows on the row under the mouse pointer', async () => {
    const { page, context } = await openFixture(session);
    const row = page.locator('[role="row"][aria-rowindex="3"]');
    expect(await deleteShows(row)).toBe(false);
    await row.hover({ position: { x: 60, y: 20 } });
    expect(await deleteShows(row)).toBe(true);
    await context.close();
  });

  it('hides on a row clicked with the mouse once the pointer leaves it', async () => {
    const { page, context } = await openFixture(session);
    const row = page.locator('[role="row"][aria-rowindex="3"]');
    await row.click({ position: { x: 60, y: 20 } });
    expect(await page.evaluate(() => window.kit.opened.length)).toBe(1);
    // The click focused the row.
    expect(await row.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.mouse.move(2, 2);
    expect(await deleteShows(row)).toBe(false);
    await context.close();
  });

  it('hides on the row that takes focus after a deletion made with the mouse', async () => {
    const { page, context } = await openFixture(session);
    const row = page.locator('[role="row"][aria-rowindex="2"]');
    const id = await row.getAttribute('data-id');
    await row.hover({ position: { x: 60, y: 20 } });
    await row.locator('[data-action="delete"]').click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForFunction(
      (gone) => !document.querySelector(`[data-id="${CSS.escape(gone as string)}"]`),
      id,
    );
    // Focus comes back to the list, on the row that moved into the deleted one's place.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'row');
    const focused = page.locator('[role="row"]:focus');
    await page.mouse.move(2, 2);
    expect(await deleteShows(focused)).toBe(false);
    await context.close();
  });

  it('hides on a row tapped on a touch screen', async () => {
    const { page, context } = await openFixture(session, {}, { hasTouch: true });
    const row = page.locator('[role="row"][aria-rowindex="3"]');
    const box = (await row.boundingBox()) as { x: number; y: number };
    await page.touchscreen.tap(box.x + 60, box.y + 20);
    await page.waitForFunction(() => window.kit.opened.length === 1);
    expect(await row.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await deleteShows(row)).toBe(false);
    await context.close();
  });
});
