// Opens the README's example, built by a fresh consumer of the packed kit
// (scripts/check-packed-consumer.sh), in Chromium: the grid named Conversations shows rows, and
// the page logs no error and throws nothing. Usage: node scripts/render-packed-example.mjs <url>
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: node scripts/render-packed-example.mjs <url>');

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 420, height: 800 } });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const grid = page.getByRole('grid', { name: 'Conversations' });
  await grid.getByRole('row').first().waitFor({ timeout: 15_000 });
  const rows = await grid.getByRole('row').count();
  const total = await grid.getAttribute('aria-rowcount');
  // The README's example holds 200 conversations, of which a screen's worth is rendered.
  if (rows < 5 || total !== '200') throw new Error(`${rows} rows rendered of ${total}`);
  await page.waitForLoadState('networkidle');
  if (errors.length > 0) throw new Error(`the page reported:\n${errors.join('\n')}`);
} finally {
  await browser.close();
}
