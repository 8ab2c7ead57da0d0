// The Next.js example (examples/nextjs) from the outside, as a person meets it: `next build`,
// `next start` on a free localhost port, then
//
// - the raw HTML of the page (no JavaScript run) already holds the grid and its first rows;
// - in Chromium the page hydrates with no error and no hydration warning in the console;
// - the hydrated list works: a swipe opens a row, a row's Delete and the confirmation delete
//   one conversation, selection mode deletes two more.
//
// It runs on the kit as installed there (`npm run build`, then `npm ci --prefix examples/nextjs`,
// which packs this repository: see examples/nextjs/README.md). With NEXTJS_SCREENSHOTS=<folder>
// it also saves the hydrated page in light and dark, 375 and 1280 px wide.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const example = fileURLToPath(new URL('../examples/nextjs/', import.meta.url));
const next = join(example, 'node_modules/.bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!existsSync(next)) {
  console.error(
    'examples/nextjs is not installed: npm run build && npm ci --prefix examples/nextjs',
  );
  process.exit(1);
}

/** Runs a command in the example; its output is shown only if it fails. */
function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(next, args, { cwd: example, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`next ${args[0]} failed:\n${output}`)),
    );
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, server, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer within 30 s:\n${output()}`);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The raw server HTML: the grid, its name, and the first screen of rows, before any script runs. */
async function checkServerHtml(url) {
  const html = await (await fetch(url)).text();
  const rows = html.match(/role="row"/g)?.length ?? 0;
  check(
    /role="grid"[^>]*aria-label="Conversations"|aria-label="Conversations"[^>]*role="grid"/.test(
      html,
    ),
    'the server HTML has no grid named Conversations',
  );
  check(rows >= 10, `the server HTML holds ${rows} rows, not the first screen`);
  check(/aria-rowcount="200"/.test(html), 'the server HTML does not count 200 conversations');
  return rows;
}

/** Waits until React owns the grid: hydration has reached it. */
async function waitForHydration(page) {
  await page.waitForFunction(() => {
    const grid = document.querySelector('[role="grid"]');
    return grid !== null && Object.keys(grid).some((key) => key.startsWith('__reactFiber'));
  });
}

/** Console errors and warnings, and uncaught exceptions. */
function collectProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

async function rowCount(page) {
  return Number(
    await page.getByRole('grid', { name: 'Conversations' }).getAttribute('aria-rowcount'),
  );
}

async function expectRowCount(page, expected) {
  await page.waitForFunction(
    (count) =>
      document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === String(count),
    expected,
  );
}

/** Swipe, a row's Delete with its confirmation, and selection mode, in the hydrated page. */
async function checkInteractions(browser, url) {
  const context = await browser.newContext({
    viewport: { width: 420, height: 760 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await page.goto(url);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  check((await rowCount(page)) === 200, 'the hydrated list does not hold 200 conversations');

  // A slow drag toward the trailing edge opens the row (Delete revealed), Escape closes it.
  const rows = page.getByRole('row');
  const box = await rows.nth(1).boundingBox();
  check(box, 'the second row is not on screen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 40, y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1)
    await page.mouse.move(box.x + box.width - 40 - step * 8, y);
  await page.waitForTimeout(150);
  await page.mouse.up();
  await page.waitForFunction(
    () => document.querySelectorAll('[role="row"]')[1]?.getAttribute('data-swipe') === 'open',
  );
  await page.keyboard.press('Escape');

  // One row: its Delete, the alertdialog, its Delete.
  const first = rows.first();
  await first.hover();
  const firstDelete = first.getByRole('button', { name: /^Delete/ });
  // "Delete <display name>": the row's own Delete, named after its conversation.
  const firstDeleteName = await firstDelete.getAttribute('aria-label');
  await firstDelete.click();
  const single = page.getByRole('alertdialog', { name: 'Delete conversation?' });
  await single.getByRole('button', { name: 'Delete' }).click();
  await expectRowCount(page, 199);
  const deletedName = firstDeleteName.replace(/^Delete /, '');
  check(
    (await rows.filter({ hasText: deletedName }).count()) === 0,
    `${deletedName} is still listed`,
  );

  // Selection mode: Select, two checkboxes, the toolbar's Delete, the alertdialog's Delete.
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  const boxes = page.getByRole('checkbox', { name: /^Select (?!all)/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByText('2 selected').waitFor();
  await page
    .getByRole('button', { name: /^Delete/ })
    .first()
    .click();
  const batch = page.getByRole('alertdialog', { name: 'Delete 2 conversations?' });
  await batch.getByRole('button', { name: 'Delete' }).click();
  await expectRowCount(page, 197);
  await page.getByRole('status').filter({ hasText: 'Deleted 2 conversations' }).waitFor();

  check(problems.length === 0, `the page reported:\n${problems.join('\n')}`);
  await context.close();
}

/** The first load: hydration without a word in the console. */
async function checkHydration(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await page.goto(url);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  // Effects after hydration (the move to the real clock, the row height) have run by now.
  await page.waitForTimeout(300);
  check(problems.length === 0, `hydration reported:\n${problems.join('\n')}`);
  await context.close();
}

async function saveScreenshots(browser, url, folder) {
  mkdirSync(folder, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 760 }, colorScheme });
      const page = await context.newPage();
      await page.goto(url);
      await waitForHydration(page);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(folder, `nextjs-${colorScheme}-${width}.png`) });
      await context.close();
    }
  }
}

const started = Date.now();
await run(['build']);
const buildSeconds = ((Date.now() - started) / 1000).toFixed(1);
const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
let serverOutput = '';
const server = spawn(next, ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
  cwd: example,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.on('data', (chunk) => (serverOutput += chunk));
server.stderr.on('data', (chunk) => (serverOutput += chunk));

let browser;
try {
  await waitForServer(url, server, () => serverOutput);
  const rows = await checkServerHtml(url);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  await checkHydration(browser, url);
  await checkInteractions(browser, url);
  if (process.env.NEXTJS_SCREENSHOTS)
    await saveScreenshots(browser, url, process.env.NEXTJS_SCREENSHOTS);
  console.log(
    `Next.js example: built in ${buildSeconds} s; the server HTML holds ${rows} rows; it hydrates ` +
      'without a console message; swipe, Delete and selection mode delete in Chromium',
  );
} finally {
  await browser?.close();
  server.kill();
}
