// npm run bench: the kit against a naive React list and @chatscope/chat-ui-kit-react, side by side
// in one run of Debian's Chromium. Prints a markdown table and writes bench/results/latest.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { BUDGET, measureSize } from '../scripts/measureSize.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Untimed runs of each step before it is timed, in the same page (js-framework-benchmark: 5). */
const WARM_UP_RUNS = Number(process.env.BENCH_WARM_UP_RUNS ?? 5);
const COUNTS = (process.env.BENCH_COUNTS ?? '1000,10000,100000').split(',').map(Number);
const CONTENDERS = (process.env.BENCH_CONTENDERS ?? 'kit,naive,chatscope').split(',');
/** The baselines cannot mount this many rows in reasonable time (tens of seconds each). */
const MAX_COUNT = { kit: Number.POSITIVE_INFINITY, naive: 10_000, chatscope: 10_000 };
const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value) => (value === undefined ? undefined : Math.round(value * 10) / 10);

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'ck-bench-'));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
  });
  const { port } = server.httpServer.address();
  const url = `http://127.0.0.1:${port}/`;
  // `gc()` lets a mount collect the garbage of generating its conversations before it is timed.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });

  const samples = {};
  const add = (contender, count, metric, value) => {
    samples[contender] ??= {};
    samples[contender][count] ??= {};
    samples[contender][count][metric] ??= [];
    samples[contender][count][metric].push(value);
  };

  async function openPage() {
    const context = await browser.newContext({ viewport: { width: 480, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.waitForFunction(() => window.bench !== undefined);
    return { page, context };
  }

  async function heapAfterGC(page) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  }

  for (const count of COUNTS) {
    for (const contender of CONTENDERS) {
      if (count > MAX_COUNT[contender]) continue;
      for (let run = 0; run < RUNS; run += 1) {
        process.stderr.write(`\r${contender} @ ${count}: run ${run + 1}/${RUNS}      `);
        const { page, context } = await openPage();
        const call = (name, ...args) =>
          page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);
        const mount = (n = count) => call('mount', contender, n);
        const warmUp = async (step) => {
          for (let time = 0; time < WARM_UP_RUNS; time += 1) await step(time);
        };
        // The first mount in a fresh page pays one-off costs (compiling the code it runs, the
        // first layout of each script's fonts): reported apart. Each other step is timed twice:
        // the first time the page does it (as a person does it once), and after WARM_UP_RUNS
        // untimed runs in the same page, as js-framework-benchmark does.
        add(contender, count, 'firstMountMs', await mount());
        add(contender, count, 'heapMB', (await heapAfterGC(page)) / 1024 / 1024);
        add(contender, count, 'rowsInDOM', await call('rowsInDOM'));
        const batch = Math.min(1000, count);
        add(contender, count, 'mountSecondMs', await mount());
        await warmUp(() => mount(batch));
        add(contender, count, 'mountMs', await mount());
        add(contender, count, 'toggleFirstMs', (await call('toggleOne', 4)).ms);
        await warmUp(() => call('toggleOne', 5));
        add(contender, count, 'toggleMs', (await call('toggleOne', 3)).ms);
        add(contender, count, 'selectAllFirstMs', await call('selectAll'));
        // An even number of clicks on "select all" leaves the selection as it was: the first
        // (timed) one selected everything, so the warm-up runs start by clearing it.
        await warmUp(() => call('selectAll'));
        if (WARM_UP_RUNS % 2 === 0) await call('selectAll');
        add(contender, count, 'selectAllMs', await call('selectAll'));
        // Warm-up batches of two chunks and more take the timed batch's paths (progress, Stop).
        const warmUpBatch = Math.ceil(batch / WARM_UP_RUNS);
        await mount();
        add(contender, count, 'delete1000FirstMs', (await call('deleteSelected', batch)).ms);
        await mount();
        await warmUp(() => call('deleteSelected', warmUpBatch));
        await mount();
        const deleted = await call('deleteSelected', batch);
        add(contender, count, 'delete1000Ms', deleted.ms);
        add(contender, count, 'delete1000SettledMs', deleted.settledMs);
        if (contender === 'kit') add(contender, count, 'delete1000Calls', deleted.backendCalls);
        const remoteBatch = Math.min(batch, count - 1);
        await mount();
        add(contender, count, 'remote1000FirstMs', (await call('remoteDelete', remoteBatch)).ms);
        await mount();
        await warmUp(() => call('remoteDelete', Math.min(warmUpBatch, count - 1)));
        await mount();
        const remote = await call('remoteDelete', remoteBatch);
        add(contender, count, 'remote1000Ms', remote.ms);
        add(contender, count, 'remote1000Frames', remote.frames);
        if (contender === 'kit') {
          await mount();
          const swipe = await swipeOnce(page);
          add(contender, count, 'swipeCommits', swipe.commits);
          add(contender, count, 'swipeLongTasks', swipe.longTasks);
        }
        await context.close();
      }
    }
  }
  // A floor for the first mount in a fresh page: the naive list given only as many rows as the
  // kit renders at 10,000. What that costs (React's first run, the first layout of each script's
  // fonts) any list that shows a screen of rows with React pays, however it is built.
  const screenRows = median(samples.kit?.[10000]?.rowsInDOM ?? []);
  if (CONTENDERS.includes('naive') && COUNTS.includes(10000) && screenRows > 0) {
    for (let run = 0; run < RUNS; run += 1) {
      process.stderr.write(`\rnaive with ${screenRows} rows: run ${run + 1}/${RUNS}      `);
      const { page, context } = await openPage();
      const ms = await page.evaluate((n) => window.bench.mount('naive', n), screenRows);
      add('naive', 10000, 'firstMountScreenRowsMs', ms);
      await context.close();
      // The naive list shows no times; the kit formats them with Intl (SPEC section 5), and the
      // first date format in a page loads ICU's locale data.
      const fresh = await openPage();
      const formatMs = await fresh.page.evaluate(() => {
        const start = performance.now();
        new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(Date.now());
        return performance.now() - start;
      });
      add('naive', 10000, 'firstDateFormatMs', formatMs);
      await fresh.context.close();
    }
  }
  process.stderr.write('\n');
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });

  const medians = {};
  for (const [contender, byCount] of Object.entries(samples)) {
    for (const [count, metrics] of Object.entries(byCount)) {
      for (const [metric, values] of Object.entries(metrics)) {
        medians[contender] ??= {};
        medians[contender][count] ??= {};
        medians[contender][count][metric] = round(median(values));
      }
    }
  }
  const size = await measureSize();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    runs: RUNS,
    medians,
    size: { ...size, budget: BUDGET },
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const table = markdownTable(medians, size);
  writeFileSync(join(resultsDir, 'latest.md'), `${table}\n`);
  console.log(table);
}

/** A 60-step mouse swipe on a row: React commits and long tasks while the pointer moves. */
async function swipeOnce(page) {
  await page.evaluate(() => {
    window.__longTasks = 0;
    new PerformanceObserver((list) => {
      window.__longTasks += list.getEntries().length;
    }).observe({ type: 'longtask' });
  });
  const box = await page.locator('[role="row"]').nth(2).boundingBox();
  const y = box.y + box.height / 2;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 12, y);
  const before = await page.evaluate(() => window.bench.counters.commits);
  for (let step = 1; step <= 60; step += 1) await page.mouse.move(x - 12 - step * 2, y);
  const after = await page.evaluate(() => window.bench.counters.commits);
  await page.mouse.up();
  await page.waitForTimeout(100);
  return { commits: after - before, longTasks: await page.evaluate(() => window.__longTasks) };
}

function markdownTable(medians, size) {
  const fmt = (value, unit = ' ms') => (value === undefined ? '—' : `${value}${unit}`);
  const ratio = (slow, fast) =>
    slow === undefined || fast === undefined || fast === 0 ? '—' : `${(slow / fast).toFixed(1)}×`;
  const counts = [
    ...new Set(Object.values(medians).flatMap((byCount) => Object.keys(byCount))),
  ].sort((a, b) => Number(a) - Number(b));
  const table = (scenarios) => {
    const rows = [
      '| scenario | n | kit | naive | chatscope | naive ÷ kit | chatscope ÷ kit |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const [label, metric, unit] of scenarios) {
      for (const count of counts) {
        const [kit, naive, chatscope] = ['kit', 'naive', 'chatscope'].map(
          (contender) => medians[contender]?.[count]?.[metric],
        );
        const isRatio = metric !== 'heapMB';
        rows.push(
          `| ${label} | ${Number(count).toLocaleString('en')} | ${fmt(kit, unit)} | ${fmt(naive, unit)} | ${fmt(chatscope, unit)} | ${isRatio ? ratio(naive, kit) : '—'} | ${isRatio ? ratio(chatscope, kit) : '—'} |`,
        );
      }
    }
    return rows;
  };
  const lines = [
    `After ${WARM_UP_RUNS} untimed runs of each step in the same page (js-framework-benchmark):`,
    '',
    ...table([
      ['mount to painted', 'mountMs'],
      ['toggle one selection', 'toggleMs'],
      ['select all', 'selectAllMs'],
      ['delete 1,000 selected: rows gone', 'delete1000Ms'],
      ['delete 1,000 selected: all results in', 'delete1000SettledMs'],
      ['remote deletion of 1,000', 'remote1000Ms'],
      ['JS heap after mount', 'heapMB', ' MB'],
    ]),
    '',
    'The first time the page does each step:',
    '',
    ...table([
      ['mount in a fresh page', 'firstMountMs'],
      ['mount again', 'mountSecondMs'],
      ['toggle one selection', 'toggleFirstMs'],
      ['select all', 'selectAllFirstMs'],
      ['delete 1,000 selected: rows gone', 'delete1000FirstMs'],
      ['remote deletion of 1,000', 'remote1000FirstMs'],
    ]),
  ];
  const kit10k = medians.kit?.['10000'] ?? {};
  const naive10k = medians.naive?.['10000'] ?? {};
  lines.push('');
  if (naive10k.firstMountScreenRowsMs !== undefined) {
    lines.push(
      `Floor for a fresh page: the naive list given only the ${kit10k.rowsInDOM} rows the kit renders mounts in ${naive10k.firstMountScreenRowsMs} ms (${ratio(naive10k.firstMountMs, naive10k.firstMountScreenRowsMs)} faster than with 10,000), and the page's first Intl date format takes ${naive10k.firstDateFormatMs} ms; a React list that shows a screen of rows with Intl-formatted times pays both, so it can mount 10,000 in a fresh page at most ${ratio(naive10k.firstMountMs, naive10k.firstMountScreenRowsMs + naive10k.firstDateFormatMs)} faster than the naive list.`,
    );
  }
  lines.push(
    `Counts at 10,000 (kit): ${kit10k.rowsInDOM ?? '—'} rows in the DOM; ${kit10k.delete1000Calls ?? '—'} backend calls to delete 1,000; remote deletion of 1,000 painted in frame ${kit10k.remote1000Frames ?? '—'} (the frame it began in is frame 1); ${kit10k.swipeCommits ?? '—'} React commits and ${kit10k.swipeLongTasks ?? '—'} long tasks during a 60-step swipe.`,
  );
  lines.push(
    `Size (terser, gzip): kit JS a host app ships ${(size.jsGzip / 1024).toFixed(2)} kB (budget ${(BUDGET.jsGzip / 1024).toFixed(0)} kB; Japanese and Chinese catalogues load on demand, ${size.lazyChunks.map((chunk) => `${(chunk.gzip / 1024).toFixed(2)} kB`).join(' and ')}), every export with the in-memory server ${(size.allJsGzip / 1024).toFixed(2)} kB; CSS ${(size.cssGzip / 1024).toFixed(2)} kB (budget ${(BUDGET.cssGzip / 1024).toFixed(0)} kB).`,
  );
  return lines.join('\n');
}

await main();
