/** A confirmed deletion waiting for its undo window to pass before it is sent. */
export interface UndoableDeletion {
  readonly deletionID: string;
  readonly conversationIDs: readonly string[];
  readonly clearHistory: boolean;
  /** When its window ends (`Date.now()` clock); `null` while the windows are paused. */
  readonly sendAt: number | null;
  /** What was left of its window when it was opened or last paused, in ms. */
  readonly remainingMs: number;
}

/** How a window ended: it passed (or was closed early) and the deletion goes out, or it was undone. */
export type UndoWindowEnd = 'send' | 'undo';

interface OpenWindow {
  deletion: UndoableDeletion;
  timer: ReturnType<typeof setTimeout> | undefined;
  end(how: UndoWindowEnd): void;
}

export interface UndoWindows {
  /** Opens a window for a deletion; resolves once it passes, is closed early, or is undone. */
  open(
    deletion: Pick<UndoableDeletion, 'deletionID' | 'conversationIDs' | 'clearHistory'>,
    windowMs: number,
  ): Promise<UndoWindowEnd>;
  /** Undoes one deletion still in its window (the most recent when no ID is given). */
  undo(deletionID?: string): UndoableDeletion | null;
  /**
   * Stops every window's clock (WCAG 2.2.1: while the person's pointer or focus is on the
   * announcement); `resume` starts them again with what was left.
   */
  pause(): void;
  resume(): void;
  /** Ends every window now and sends its deletion: leaving the page ends the chance to undo. */
  sendAllNow(): void;
  /** The deletions in their window, oldest first. */
  list(): readonly UndoableDeletion[];
}

/**
 * The undo windows of one runtime. Plain timers; `onChange` hears the list after every change so
 * that the runtime can publish it.
 */
export function createUndoWindows(options: {
  onChange(deletions: readonly UndoableDeletion[]): void;
  now?: () => number;
}): UndoWindows {
  const now = options.now ?? Date.now;
  const open = new Map<string, OpenWindow>();
  let paused = false;

  function publish(): void {
    options.onChange([...open.values()].map((window) => window.deletion));
  }

  function startClock(window: OpenWindow): void {
    const { remainingMs } = window.deletion;
    window.deletion = { ...window.deletion, sendAt: now() + remainingMs };
    window.timer = setTimeout(() => window.end('send'), remainingMs);
  }

  function stopClock(window: OpenWindow): void {
    clearTimeout(window.timer);
    window.timer = undefined;
    const { sendAt } = window.deletion;
    const remainingMs = sendAt === null ? window.deletion.remainingMs : Math.max(0, sendAt - now());
    window.deletion = { ...window.deletion, sendAt: null, remainingMs };
  }

  return {
    open(deletion, windowMs) {
      return new Promise<UndoWindowEnd>((resolve) => {
        const window: OpenWindow = {
          deletion: { ...deletion, sendAt: null, remainingMs: windowMs },
          timer: undefined,
          end(how) {
            clearTimeout(window.timer);
            if (!open.delete(deletion.deletionID)) return;
            publish();
            resolve(how);
          },
        };
        open.set(deletion.deletionID, window);
        if (!paused) startClock(window);
        publish();
      });
    },
    undo(deletionID) {
      const windows = [...open.values()];
      const window = deletionID === undefined ? windows.at(-1) : open.get(deletionID);
      if (!window) return null;
      window.end('undo');
      return window.deletion;
    },
    pause() {
      if (paused) return;
      paused = true;
      for (const window of open.values()) stopClock(window);
      publish();
    },
    resume() {
      if (!paused) return;
      paused = false;
      for (const window of open.values()) startClock(window);
      publish();
    },
    sendAllNow() {
      for (const window of [...open.values()]) window.end('send');
    },
    list() {
      return [...open.values()].map((window) => window.deletion);
    },
  };
}
