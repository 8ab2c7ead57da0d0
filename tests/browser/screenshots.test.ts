import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, launchChromium } from './browser';

/*
 * Visual regression: the list, a keyboard-focused row, selection mode and the confirmation, in
 * light and dark, LTR and RTL, on a phone-sized and a desktop-sized viewport, each compared with a
 * committed baseline.
 *
 *   npm run test:update-screenshots   # rewrite every baseline (UPDATE_SCREENSHOTS=1)
 *
 * A missing baseline is written (outside CI). A failing comparison writes the actual image and a
 * diff (changed pixels in red) to __screenshots__/actual/, which git ignores.
 * Baselines are rendered by Debian's Chromium with Debian's fonts (DejaVu for Latin and Arabic,
 * fonts-wqy-microhei for Japanese and Chinese): another font set gives other pixels.
 */

const baselineDir = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const actualDir = fileURLToPath(new URL('./__screenshots__/actual/', import.meta.url));
const update = process.env.UPDATE_SCREENSHOTS === '1';

/** pixelmatch's per-pixel colour distance (0–1) below which two pixels count as equal. */
const PIXEL_THRESHOLD = 0.1;
/** The share of differing pixels a screenshot may have and still match its baseline. */
const MAX_DIFF_RATIO = 0.002;

/**
 * A fixed seed whose first rows mix Latin (with diacritics), Japanese, Chinese and Arabic names
 * and previews, pinned rows, unread badges up to "99+", a long name to truncate, and no emoji
 * (the fonts CI installs have none: an emoji would be a tofu box that an emoji font changes).
 */
const SEED = 70;

/** The moment the clock stands still at: the memory server's default reference time. */
const FROZEN_TIME = Date.UTC(2026, 0, 15, 12, 0, 0);

const widths = [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
] as const;
const themes = ['light', 'dark'] as const;
const directions = ['ltr', 'rtl'] as const;

/** Tabs into the grid (which focuses its first row), then moves down to the row at `index`. */
async function focusRowByKeyboard(page: Page, index: number) {
  for (let tab = 0; tab < 8; tab += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'row')) break;
  }
  for (let row = 1; row < index; row += 1) await page.keyboard.press('ArrowDown');
  await page.locator(`[role="row"][aria-rowindex="${index}"]:focus-visible`).waitFor();
}

interface State {
  name: string;
  params: Record<string, string | number>;
  /** Resolves once the page shows the state. */
  ready(page: Page): Promise<void>;
}

const states: State[] = [
  {
    // The plain list, with one row's swipe open so the revealed Delete action is covered too.
    name: 'list',
    params: { openSwipe: 1 },
    ready: async (page) => {
      await page.locator('[role="row"][data-swipe="open"]').waitFor();
    },
  },
  {
    // A row focused with the keyboard: its ring, and its Delete shown without a swipe.
    name: 'focus',
    params: {},
    ready: async (page) => {
      await focusRowByKeyboard(page, 2);
    },
  },
  {
    // Three rows selected, and the keyboard's focus on the fourth: its ring beside them.
    name: 'selection',
    params: { selected: 3 },
    ready: async (page) => {
      await page.getByText('3 selected').waitFor();
      await focusRowByKeyboard(page, 4);
    },
  },
  {
    name: 'dialog',
    params: { selected: 3, pending: 3 },
    ready: async (page) => {
      await page.getByRole('alertdialog', { name: 'Delete 3 conversations?' }).waitFor();
    },
  },
];

const cases = states.flatMap((state) =>
  themes.flatMap((theme) => directions.map((dir) => ({ state, theme, dir }))),
);

let session: BrowserSession;
beforeAll(async () => {
  session = await launchChromium();
  if (update) rmSync(actualDir, { recursive: true, force: true });
});
afterAll(async () => {
  await session?.close();
});

/** Waits until fonts are loaded and two frames have been painted since. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
    );
  });
}

function compare(name: string, actual: Buffer) {
  const baselinePath = `${baselineDir}${name}.png`;
  if (update || (!existsSync(baselinePath) && !process.env.CI)) {
    mkdirSync(baselineDir, { recursive: true });
    writeFileSync(baselinePath, actual);
    return;
  }
  const writeActual = (diff?: PNG) => {
    mkdirSync(actualDir, { recursive: true });
    writeFileSync(`${actualDir}${name}.png`, actual);
    if (diff) writeFileSync(`${actualDir}${name}.diff.png`, PNG.sync.write(diff));
  };
  if (!existsSync(baselinePath)) {
    writeActual();
    expect.fail(`no baseline ${name}.png: run npm run test:update-screenshots and commit it`);
  }
  const expected = PNG.sync.read(readFileSync(baselinePath));
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) {
    writeActual();
    expect.fail(
      `${name}: ${got.width}×${got.height} px, the baseline is ${expected.width}×${expected.height}`,
    );
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const differing = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const ratio = differing / (got.width * got.height);
  if (ratio > MAX_DIFF_RATIO) writeActual(diff);
  expect(
    ratio,
    `${name}: ${differing} pixels (${(ratio * 100).toFixed(3)}%) differ from the baseline; ` +
      'see tests/browser/__screenshots__/actual/',
  ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
}

describe.each(widths)('at $width px', ({ width, height }) => {
  // One context and page per width: the states are navigations within it.
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await session.browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    // Before any navigation: Date.now() is fixed, so the generated conversations and their
    // relative times ("3 min. ago", "yesterday") are the same on every run.
    await context.clock.setFixedTime(FROZEN_TIME);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(
    cases.map((entry) => [`${entry.state.name}, ${entry.theme}, ${entry.dir}`, entry] as const),
  )('%s', async (_, { state, theme, dir }) => {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const search = new URLSearchParams({
      seed: String(SEED),
      count: '30',
      theme,
      dir,
      locale: 'en',
      // The list fills the viewport below the fixture's 16 px padding.
      height: String(height - 32),
      ...Object.fromEntries(Object.entries(state.params).map(([key, value]) => [key, `${value}`])),
    });
    await page.goto(`${inject('fixtureURL')}?${search}`);
    await page.getByRole('row').first().waitFor();
    await state.ready(page);
    await settle(page);
    const shot = await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
    compare(`${state.name}-${theme}-${dir}-${width}`, shot);
  });
});
