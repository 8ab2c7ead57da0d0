import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/** The page's console errors and uncaught exceptions, as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches Chromium; Playwright gives every launch a fresh, temporary user-data dir. */
export async function launchChromium(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    browser,
    close: () => browser.close(),
  };
}

export interface FixtureOptions {
  [param: string]: string | number | boolean | undefined;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  hasTouch?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
}

/** Opens the fixture page with the scenario's parameters and waits for the list to show rows. */
export async function openFixture(
  session: BrowserSession,
  params: FixtureOptions = {},
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const context = await session.browser.newContext({
    viewport: { width: options.width ?? 420, height: options.height ?? 700 },
    hasTouch: options.hasTouch ?? false,
    reducedMotion: options.reducedMotion ?? 'reduce',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  await page.goto(`${inject('fixtureURL')}?${search}`);
  if (params.count !== 0) await page.getByRole('row').first().waitFor();
  return { page, context, errors };
}

/**
 * Deletes the row at `index` as a person does: its own Delete, then the confirmation's Delete.
 * Returns the row's ID and name.
 */
export async function deleteRowAt(
  page: Page,
  index: number,
): Promise<{ id: string; name: string }> {
  const row = page.getByRole('row').nth(index);
  const id = (await row.getAttribute('data-id')) as string;
  const name = ((await row.locator('.ck-row-name').textContent()) ?? '').trim();
  await row.hover();
  await row.getByRole('button', { name: /^Delete / }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  return { id, name };
}
