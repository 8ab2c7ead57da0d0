import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, collectErrors, launchChromium } from './browser';

// The host-app example (examples/host-app), built and served as its users would get it.
const exampleDir = fileURLToPath(new URL('../../examples/host-app/', import.meta.url));
const configFile = join(exampleDir, 'vite.config.ts');
/** The brand's accent and row height, from examples/host-app/src/app.css. */
const BRAND_ACCENT = '#6d28d9';
const BRAND_ROW_HEIGHT = 68;

let session: BrowserSession;
let server: PreviewServer | undefined;
let outDir: string | undefined;
let url: string;

/** Builds the example into a temporary folder and serves it on a free loopback port. */
async function buildAndServe(): Promise<string> {
  outDir = mkdtempSync(join(tmpdir(), 'ck-host-app-'));
  // Under Vitest NODE_ENV is 'test', so this bundles React's development build (hence the larger
  // chunk): its warnings reach the console and count as errors below.
  await build({
    configFile,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  });
  server = await preview({
    configFile,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the example server has no port');
  return `http://127.0.0.1:${address.port}/`;
}

beforeAll(async () => {
  [url, session] = await Promise.all([buildAndServe(), launchChromium()]);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openApp(width: number) {
  const context = await session.browser.newContext({
    viewport: { width, height: 800 },
    reducedMotion: 'reduce',
    colorScheme: 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  const list = page.getByRole('grid', { name: 'Conversations' });
  await list.getByRole('row').first().waitFor();
  return { page, context, errors, list };
}

/** The open conversation's name, as its pane's heading shows it once its messages are in. */
async function openConversationName(page: Page): Promise<string> {
  const pane = page.getByRole('main');
  await pane.getByRole('list', { name: /^Messages with / }).waitFor();
  return ((await pane.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
}

async function expectEmptyPane(page: Page) {
  await page.getByRole('main').getByRole('heading', { name: 'Select a conversation' }).waitFor();
  expect(
    await page
      .getByRole('main')
      .getByRole('list', { name: /^Messages with / })
      .count(),
  ).toBe(0);
}

function hostStatus(page: Page): Locator {
  return page.getByRole('banner').getByRole('status');
}

describe('host-app example', () => {
  it('opens a conversation on the right and closes it when it is deleted here or on the laptop', async () => {
    const { page, context, errors, list } = await openApp(1280);
    expect(await list.getAttribute('aria-rowcount')).toBe('40');
    await expectEmptyPane(page);

    // The brand theme reaches the kit through --ck-* tokens on the app's own wrapper.
    const theme = await list.evaluate((grid) => ({
      accent: getComputedStyle(grid).getPropertyValue('--ck-accent').trim(),
      rowHeight: grid.querySelector('[role="row"]')?.getBoundingClientRect().height,
    }));
    expect(theme).toEqual({ accent: BRAND_ACCENT, rowHeight: BRAND_ROW_HEIGHT });

    // Open the second row: it shows on the right.
    const row = list.getByRole('row').nth(1);
    await row.click();
    const first = await openConversationName(page);
    expect(first).not.toBe('');
    expect(await list.getByRole('row', { name: first }).count()).toBeGreaterThan(0);
    // The list marks the open conversation.
    expect(await row.getAttribute('aria-current')).toBe('true');
    expect(await list.locator('[aria-current="true"]').count()).toBe(1);

    // Delete it here: row's Delete → confirmation → Delete. The right pane closes.
    await row.hover();
    await row.getByRole('button', { name: `Delete ${first}`, exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expectEmptyPane(page);
    expect(await list.getAttribute('aria-rowcount')).toBe('39');
    await hostStatus(page)
      .filter({ hasText: `You deleted ${first}.` })
      .waitFor();

    // Open another and delete it on the laptop: this device hears of it and closes the pane.
    await list.getByRole('row').nth(1).click();
    const second = await openConversationName(page);
    expect(second).not.toBe(first);
    await page.getByRole('button', { name: 'Delete it on my laptop' }).click();
    await page
      .getByRole('region', { name: 'Chats' })
      .getByRole('status')
      .filter({ hasText: `${second} was deleted on another device` })
      .waitFor();
    await expectEmptyPane(page);
    await hostStatus(page)
      .filter({ hasText: `Closed ${second}: it was deleted on another device.` })
      .waitFor();
    expect(await list.getAttribute('aria-rowcount')).toBe('38');
    expect(await page.getByRole('button', { name: 'Delete it on my laptop' }).isDisabled()).toBe(
      true,
    );

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows one pane at a time on a narrow screen, with a way back', async () => {
    const { page, context, errors, list } = await openApp(375);
    expect(await page.getByRole('main').isVisible()).toBe(false);

    // Enter on a row opens it; the list makes way for it and focus moves to the conversation.
    await list.getByRole('row').first().focus();
    await page.keyboard.press('Enter');
    const name = await openConversationName(page);
    expect(await list.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);

    // Back returns to the list, with focus on a row.
    await page.getByRole('button', { name: 'Back to chats' }).click();
    await list.waitFor();
    expect(await page.getByRole('main').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');

    // Deleted on the laptop while open: back to the list.
    await list.getByRole('row').nth(2).click();
    const other = await openConversationName(page);
    await page.getByRole('button', { name: 'Delete it on my laptop' }).click();
    await hostStatus(page)
      .filter({ hasText: `Closed ${other}: it was deleted on another device.` })
      .waitFor();
    await list.waitFor();
    expect(await page.getByRole('main').isVisible()).toBe(false);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('uses only the public API and themes the kit through --ck-* tokens alone', () => {
    const sourceDir = join(exampleDir, 'src');
    for (const file of readdirSync(sourceDir)) {
      const source = readFileSync(join(sourceDir, file), 'utf8');
      // No reaching into the kit's sources: the package name is the only way in.
      expect(source, file).not.toMatch(/from\s+'(\.\.\/)+src\b/);
      expect(source, file).not.toMatch(/import\s+'(\.\.\/)+src\b/);
      if (file.endsWith('.css')) expect(source, file).not.toMatch(/\.ck-/);
    }
  });
});
