// What the stories' `play` functions do with the list, found as a person finds it: by role and name.
import { expect, userEvent, waitFor, within } from 'storybook/test';

/** The list of conversations in a story (or in one device of it). */
export function conversationGrid(container: HTMLElement): HTMLElement {
  return within(container).getByRole('grid', { name: 'Conversations' });
}

/** Waits for the list's first rows (the in-memory server answers after its latency). */
export async function findRows(container: HTMLElement): Promise<HTMLElement[]> {
  const grid = conversationGrid(container);
  return within(grid).findAllByRole('row', {}, { timeout: 5000 });
}

/**
 * Waits until every list in the story has loaded (or failed to): the state a person sees once
 * the in-memory server has answered, and the one the accessibility checks after `play` look at.
 * `data-state` is the list's styling hook for it, and does not depend on the locale.
 */
export async function listsLoaded({ canvasElement }: { canvasElement: HTMLElement }) {
  await waitFor(
    () => {
      expect(canvasElement.querySelector('.ck-list')).not.toBeNull();
      expect(canvasElement.querySelector('.ck-list[data-state="loading"]')).toBeNull();
    },
    { timeout: 5000 },
  );
}

/** The row of the conversation with this display name. */
export function rowNamed(container: HTMLElement, name: string): HTMLElement {
  return within(conversationGrid(container)).getByRole('row', { name: containing(name) });
}

/** The row of the conversation with this display name, or null when the list has none. */
export function queryRowNamed(container: HTMLElement, name: string): HTMLElement | null {
  return within(conversationGrid(container)).queryByRole('row', { name: containing(name) });
}

/** The display name a row starts its accessible name with (the one shown in bold). */
export function displayNameOf(row: HTMLElement): string {
  const name = row.querySelector('.ck-row-name')?.textContent;
  if (!name) throw new Error('the row shows no display name');
  return name;
}

/** A row's accessible name holds the display name among its preview, time and badges. */
function containing(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * A finger dragging a row sideways, as Chromium reports it: a pointer down in the middle of the
 * row, moves along it, and the release. `distance` is in px, negative toward the left.
 */
export function swipe(row: HTMLElement, distance: number): void {
  const box = row.getBoundingClientRect();
  const startX = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const target = row.ownerDocument.elementFromPoint(startX, y) ?? row;
  const finger = {
    pointerId: 11,
    pointerType: 'touch',
    isPrimary: true,
    bubbles: true,
    cancelable: true,
    composed: true,
    clientY: y,
  };
  target.dispatchEvent(
    new PointerEvent('pointerdown', { ...finger, button: 0, buttons: 1, clientX: startX }),
  );
  const steps = 8;
  for (let step = 1; step <= steps; step += 1) {
    const clientX = startX + (distance * step) / steps;
    target.dispatchEvent(new PointerEvent('pointermove', { ...finger, buttons: 1, clientX }));
  }
  target.dispatchEvent(
    new PointerEvent('pointerup', { ...finger, button: 0, buttons: 0, clientX: startX + distance }),
  );
}

/** The confirmation, once open. A modal `<dialog>`: it is in the story's canvas, in the top layer. */
export async function findConfirmation(container: HTMLElement, name: string | RegExp) {
  return within(container).findByRole('alertdialog', { name });
}

/** What the list's status region announces now (outcomes, refusals, other devices' deletions). */
export function announcement(container: HTMLElement): string {
  return within(container).getByRole('status').textContent ?? '';
}

/** Waits until the announcement reads exactly `text` (the server answers after its latency). */
export async function expectAnnouncement(container: HTMLElement, text: string | RegExp) {
  await waitFor(
    () => {
      if (typeof text === 'string') expect(announcement(container)).toContain(text);
      else expect(announcement(container)).toMatch(text);
    },
    { timeout: 5000 },
  );
}

/** Presses the dialog's Delete and waits for it to close. */
export async function confirmDeletion(dialog: HTMLElement): Promise<void> {
  await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(dialog).not.toBeVisible());
}
