/**
 * Makes jsdom able to render the kit's components. Import it first in a component test file:
 * it installs the stubs before the file's tests and restores jsdom afterwards, and unmounts what
 * each test rendered (without vitest globals, Testing Library cannot do that by itself).
 *
 * - Layout: jsdom lays nothing out, so every box is 0×0 and the windowed list would fall back to
 *   a guessed height. The grid (`role="grid"`) is made 400×600 whichever way it is measured
 *   (`getBoundingClientRect`, `clientWidth`, `clientHeight`). Every other element keeps jsdom's
 *   own answer (so the list's row height probe still falls back to its default of 72 px).
 * - `ResizeObserver`: absent in jsdom; the list copes without it, and a no-op keeps any other
 *   component that constructs one from throwing.
 * - `CSS.escape`: absent in jsdom; the list uses it to find a row by ID when it moves focus.
 * - `HTMLDialogElement.prototype.showModal/close`: absent in jsdom. The dialog falls back to the
 *   `open` attribute, which renders fine, but nothing then turns Escape into the `cancel` event a
 *   browser fires at a modal dialog. The stand-in does what a browser does that the component
 *   relies on: `open` set, Escape fires a cancelable `cancel` (and closes unless prevented),
 *   `close` fires a `close` event in a later task.
 */
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const GRID_WIDTH = 400;
export const GRID_HEIGHT = 600;

const restorers: Array<() => void> = [];

/** Escape on a modal dialog, as a browser's close watcher handles it. */
function onModalEscape(this: HTMLDialogElement, event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || !this.open) return;
  const cancel = new Event('cancel', { cancelable: true });
  if (this.dispatchEvent(cancel)) this.close();
}

const escapeListeners = new WeakMap<HTMLDialogElement, (event: KeyboardEvent) => void>();

function stubGridSize(property: 'clientWidth' | 'clientHeight', size: number): void {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, property);
  const read = original?.get;
  Object.defineProperty(Element.prototype, property, {
    configurable: true,
    get(this: Element) {
      if (this.getAttribute('role') === 'grid') return size;
      return read ? read.call(this) : 0;
    },
  });
  restorers.push(() => {
    if (original) Object.defineProperty(Element.prototype, property, original);
    else delete (Element.prototype as Partial<Record<typeof property, number>>)[property];
  });
}

function installDomStubs(): void {
  const originalRect = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function getBoundingClientRect(this: Element) {
    if (this.getAttribute('role') === 'grid') {
      return new DOMRect(0, 0, GRID_WIDTH, GRID_HEIGHT);
    }
    return originalRect.call(this);
  };
  restorers.push(() => {
    Element.prototype.getBoundingClientRect = originalRect;
  });
  stubGridSize('clientWidth', GRID_WIDTH);
  stubGridSize('clientHeight', GRID_HEIGHT);

  if (typeof window.ResizeObserver === 'undefined') {
    window.ResizeObserver = class NoopResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
    restorers.push(() => {
      delete (window as { ResizeObserver?: unknown }).ResizeObserver;
    });
  }

  if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
    const hadCSS = typeof globalThis.CSS !== 'undefined';
    const css = (globalThis.CSS ?? {}) as { escape?: (value: string) => string };
    css.escape = cssEscape;
    if (!hadCSS) (globalThis as { CSS?: unknown }).CSS = css;
    restorers.push(() => {
      if (hadCSS) delete css.escape;
      else delete (globalThis as { CSS?: unknown }).CSS;
    });
  }

  const dialogPrototype = HTMLDialogElement.prototype;
  if (typeof dialogPrototype.showModal !== 'function') {
    dialogPrototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
      const listener = onModalEscape.bind(this);
      escapeListeners.set(this, listener);
      this.ownerDocument.addEventListener('keydown', listener);
    };
    restorers.push(() => {
      delete (dialogPrototype as { showModal?: unknown }).showModal;
    });
  }
  if (typeof dialogPrototype.close !== 'function') {
    dialogPrototype.close = function close(this: HTMLDialogElement) {
      const listener = escapeListeners.get(this);
      if (listener) this.ownerDocument.removeEventListener('keydown', listener);
      escapeListeners.delete(this);
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      // Browsers queue the close event as a task rather than firing it from inside close().
      setTimeout(() => this.dispatchEvent(new Event('close')), 0);
    };
    restorers.push(() => {
      delete (dialogPrototype as { close?: unknown }).close;
    });
  }
}

function restoreDomStubs(): void {
  for (const restore of restorers.splice(0).reverse()) restore();
}

/** `CSS.escape` as the CSSOM spec defines it. */
function cssEscape(value: string): string {
  const text = String(value);
  let result = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const char = text.charAt(index);
    if (code === 0) {
      result += '\uFFFD';
    } else if (
      (code >= 0x1 && code <= 0x1f) ||
      code === 0x7f ||
      (index === 0 && code >= 0x30 && code <= 0x39) ||
      (index === 1 && code >= 0x30 && code <= 0x39 && text.charCodeAt(0) === 0x2d)
    ) {
      result += `\\${code.toString(16)} `;
    } else if (index === 0 && code === 0x2d && text.length === 1) {
      result += `\\${char}`;
    } else if (
      code >= 0x80 ||
      code === 0x2d ||
      code === 0x5f ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    ) {
      result += char;
    } else {
      result += `\\${char}`;
    }
  }
  return result;
}

beforeAll(installDomStubs);
afterEach(cleanup);
afterAll(restoreDomStubs);
