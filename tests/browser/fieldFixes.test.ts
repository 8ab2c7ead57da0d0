import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, launchChromium, openFixture } from './browser';

// Real-Chromium regression tests for two field fixes of issue 14: names from a right-to-left
// script inside the kit's English sentences (item 5), and Escape then Delete at once (item 12).

let session: BrowserSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

/** Arabic names of people that the memory server's generated list uses. */
const ARABIC_NAMES = ['ليلى منصور', 'محمد العلي', 'فاطمة الزهراء', 'أحمد حسن'];

/** The server's first conversation with one of those names (no number appended). */
async function arabicConversation(page: Page) {
  const found = await page.evaluate(
    (names) =>
      window.kit.server?.listConversations().find((item) => names.includes(item.displayName)),
    ARABIC_NAMES,
  );
  if (!found) throw new Error('the generated list has none of the Arabic names');
  return { id: found.conversationID, name: found.displayName };
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The boxes on screen of the name and of a phrase of the sentence inside `element`, found in its
 * text (not in its markup, so that the same measure runs on a build without `<bdi>`), with the
 * element's own box and the `<bdi>` elements it holds.
 */
function measure(element: Element, texts: { name: string; phrase: string }) {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const whole = nodes.map((node) => node.data).join('');
  const boxOf = (part: string): Box => {
    const start = whole.indexOf(part);
    if (start < 0) throw new Error(`"${part}" is not in "${whole}"`);
    const end = start + part.length;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const next = offset + node.data.length;
      if (start >= offset && start < next) range.setStart(node, start - offset);
      if (end > offset && end <= next) range.setEnd(node, end - offset);
      offset = next;
    }
    const { left, right, top, bottom } = range.getBoundingClientRect();
    return { left, right, top, bottom };
  };
  const own = element.getBoundingClientRect();
  const name = boxOf(texts.name);
  // The extent of the line the name is on.
  const all = document.createRange();
  all.selectNodeContents(element);
  const line = [...all.getClientRects()].filter((rect) => Math.abs(rect.top - name.top) < 4);
  return {
    text: whole,
    name,
    line: {
      left: Math.min(...line.map((rect) => rect.left)),
      right: Math.max(...line.map((rect) => rect.right)),
    },
    phrase: boxOf(texts.phrase),
    element: { left: own.left, right: own.right, top: own.top, bottom: own.bottom },
    isolated: [...element.querySelectorAll('bdi')].map((bdi) => bdi.textContent),
    direction: getComputedStyle(element).direction,
    unicodeBidi: getComputedStyle(element).unicodeBidi,
  };
}

/** Deletes the conversation on the laptop and waits for the phone's status to say so. */
async function deleteOnLaptop(page: Page, id: string, name: string) {
  await page.evaluate(async (target) => {
    await window.kit.server?.connect('laptop').deleteConversation(target);
  }, id);
  const status = page.getByRole('status').filter({ hasText: 'was deleted on another device' });
  await status.waitFor();
  expect(await status.textContent()).toBe(`${name} was deleted on another device`);
  return status;
}

// The words right after the name: on one line with it (the rest of the sentence may wrap).
const PHRASE = 'was deleted';

describe('a right-to-left name inside an English sentence (issue 14, item 5)', () => {
  it('keeps "<name> was deleted on another device" in English order on an LTR page', async () => {
    const { page, context, errors } = await openFixture(session);
    const { id, name } = await arabicConversation(page);
    const status = await deleteOnLaptop(page, id, name);
    const box = await status.evaluate(measure, { name, phrase: PHRASE });
    // Read left to right: the name first, the English words after it. Without the isolation the
    // Arabic name set the paragraph's direction (`plaintext`) and the words came out on its left.
    expect(box.phrase.left).toBeGreaterThanOrEqual(box.name.right - 1);
    // One line: the order is not an artefact of wrapping.
    expect(Math.abs(box.phrase.top - box.name.top)).toBeLessThan(4);
    // The sentence starts at the status's left edge, its start on an LTR page.
    expect(box.line.left - box.element.left).toBeLessThan(2);
    expect(box.name.left - box.line.left).toBeLessThan(2);
    expect(box.isolated).toEqual([name]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads name first on an RTL page too, lined up with the right edge', async () => {
    const { page, context, errors } = await openFixture(session, { dir: 'rtl' });
    const { id, name } = await arabicConversation(page);
    const status = await deleteOnLaptop(page, id, name);
    const box = await status.evaluate(measure, { name, phrase: PHRASE });
    expect(box.direction).toBe('rtl');
    expect(box.unicodeBidi).toBe('plaintext');
    // The page is RTL, but the sentence is English: with the name isolated, its first strong letter
    // is the "w" of "was", so the paragraph is LTR and reads "<name> was deleted…" left to right.
    // (Unisolated, the name's first letter made it RTL: "was deleted…" left of the name, the
    // English order reversed as a whole.)
    expect(box.phrase.left).toBeGreaterThanOrEqual(box.name.right - 1);
    expect(Math.abs(box.phrase.top - box.name.top)).toBeLessThan(4);
    // Still lined up with the page's start, the right edge.
    expect(box.element.right - box.line.right).toBeLessThan(2);
    expect(box.isolated).toEqual([name]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('puts "Your conversation with" left of the name in the confirmation', async () => {
    const { page, context, errors } = await openFixture(session);
    const { id, name } = await arabicConversation(page);
    await page.evaluate((target) => window.kit.store?.getState().requestDeletion([target]), id);
    const dialog = page.getByRole('alertdialog', { name: 'Delete conversation?' });
    await dialog.waitFor();
    const body = dialog.locator('.ck-dialog-body p').first();
    expect(await body.textContent()).toBe(
      `Your conversation with ${name} will be removed from the list.`,
    );
    const before = await body.evaluate(measure, { name, phrase: 'Your conversation with' });
    const after = await body.evaluate(measure, { name, phrase: 'will' });
    // On one line, left to right: "Your conversation with", the name, "will". The sentence starts
    // with an English letter, so this order held before the fix too; the name's `<bdi>` is new.
    expect(before.phrase.right).toBeLessThanOrEqual(before.name.left + 1);
    expect(Math.abs(before.phrase.top - before.name.top)).toBeLessThan(4);
    expect(after.phrase.left).toBeGreaterThanOrEqual(after.name.right - 1);
    expect(Math.abs(after.phrase.top - after.name.top)).toBeLessThan(4);
    expect(before.isolated).toEqual([name]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  });
});

const ROUNDS = 25;

/** Escape and Delete as two key strokes sent back to back, none awaited before the next is sent. */
function escapeThenDelete(cdp: CDPSession) {
  const keys = [
    { key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 },
    { key: 'Delete', code: 'Delete', windowsVirtualKeyCode: 46 },
  ];
  return Promise.all(
    keys.flatMap((key) => [
      cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }),
    ]),
  );
}

describe('Escape, then Delete at once (issue 14, item 12)', () => {
  it(`opens the new confirmation and keeps it open, ${ROUNDS} rounds out of ${ROUNDS}`, async () => {
    const { page, context, errors } = await openFixture(session);
    const cdp = await context.newCDPSession(page);
    const dialog = page.locator('[role="alertdialog"]');
    // Every time the `<dialog>` opens or closes, in order: a round must show the former
    // confirmation closing and the new one opening, and nothing after that.
    await dialog.evaluate((element) => {
      const log: string[] = [];
      (window as unknown as { dialogLog: string[] }).dialogLog = log;
      new MutationObserver(() => {
        log.push((element as HTMLDialogElement).open ? 'open' : 'closed');
      }).observe(element, { attributes: true, attributeFilter: ['open'] });
    });
    const readLog = () =>
      page.evaluate(() => (window as unknown as { dialogLog: string[] }).dialogLog.splice(0));
    // "Select", then the list's one tab stop: the first row.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
    const failed: Array<{ round: number; log: string[] }> = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      await page.keyboard.press('Delete');
      await page.getByRole('alertdialog', { name: 'Delete conversation?' }).waitFor();
      await readLog();
      await escapeThenDelete(cdp);
      // Time for the former dialog's queued `close` event to arrive and do its harm.
      await page.waitForTimeout(100);
      const log = await readLog();
      const open = await dialog.evaluate(
        (element) =>
          (element as HTMLDialogElement).open && element.getAttribute('data-state') === 'open',
      );
      if (!open || log.join() !== 'closed,open') failed.push({ round, log });
      // Close whatever is open, and start the next round from the focused row.
      if (open) await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('[role="alertdialog"][open]'));
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'row');
    }
    // Before the fix, rounds logged "closed,open,closed": the new confirmation closed itself.
    expect(failed).toEqual([]);
    // Nothing was deleted along the way.
    expect(await page.evaluate(() => window.kit.server?.calls.length)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
