/** What a runtime tells the others (in its page and the other pages) about an account's outbox. */
export type OutboxTabMessage =
  /** A deletion was confirmed, or taken over from a closed page: hide its rows. */
  | {
      type: 'pending';
      accountID: string;
      tabID: string;
      deletionID: string;
      conversationIDs: string[];
      /**
       * When it was posted (`tabClock()`: tabs of one browser share it). A row a message brought
       * back after this stays listed: the message is newer than the deletion.
       */
      sentAt: number;
    }
  /**
   * Some IDs of a deletion are settled: `deleted` stay gone, `restored` come back (undone, or
   * refused by the backend).
   */
  | {
      type: 'released';
      accountID: string;
      deletionID: string;
      deleted: string[];
      restored: string[];
    };

/** One runtime's line to the others: it never hears its own messages. */
export interface OutboxTabPort {
  post(message: OutboxTabMessage): void;
  close(): void;
}

/**
 * How the pages (tabs) of one browser that share an outbox learn of each other: an ID that lives
 * as long as the page, a way to learn that a page has closed, and messages between runtimes.
 */
export interface OutboxTabs {
  /** This page's ID, the owner written into the outbox entries it keeps. */
  readonly tabID: string;
  /**
   * Calls `onClosed` once the page `tabID` has closed (soon, if it is not open). Of the pages
   * waiting for the same page, only one runs its `onClosed` while it lives (the others, when that
   * one has closed too, find nothing left), so exactly one takes that page's entries over.
   * Returns what stops the wait.
   */
  whenClosed(tabID: string, onClosed: () => void): () => void;
  /**
   * Connects a runtime to the other pages: it hears what their runtimes post, and posts to them.
   * (Runtimes of the same page hear each other through their shared outbox storage.)
   */
  connect(listener: (message: OutboxTabMessage) => void): OutboxTabPort;
}

const CHANNEL_NAME = 'conversation-kit:outbox:v1';

/**
 * A clock every tab of one browser shares, finer than `Date.now()`'s milliseconds: a message
 * heard in the same millisecond as a deletion was announced must still fall on one side of it.
 */
export function tabClock(): number {
  const { performance } = globalThis;
  return performance ? performance.timeOrigin + performance.now() : Date.now();
}
const lockName = (tabID: string) => `conversation-kit:tab:${tabID}`;

function newTabID(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Other pages may run another version of the kit: only well-formed messages are heard. */
function isOutboxTabMessage(value: unknown): value is OutboxTabMessage {
  const message = value as Record<string, unknown> | null;
  if (typeof message?.accountID !== 'string' || typeof message.deletionID !== 'string') {
    return false;
  }
  if (message.type === 'pending') {
    return (
      typeof message.tabID === 'string' &&
      isStringArray(message.conversationIDs) &&
      typeof message.sentAt === 'number'
    );
  }
  return (
    message.type === 'released' && isStringArray(message.deleted) && isStringArray(message.restored)
  );
}

type Listener = (message: OutboxTabMessage) => void;

/** Listeners of one page; what one of them posts reaches the others in a task of its own. */
export function createMessageHub() {
  const listeners = new Set<Listener>();
  function deliver(message: OutboxTabMessage, except?: Listener): void {
    for (const listener of [...listeners]) if (listener !== except) listener(message);
  }
  return {
    deliver,
    connect(listener: Listener, send: (message: OutboxTabMessage) => void): OutboxTabPort {
      listeners.add(listener);
      return { post: send, close: () => listeners.delete(listener) };
    },
  };
}

/**
 * Web Locks tell when a page closes (its lock comes free); a BroadcastChannel carries messages.
 * Both start with the first runtime that connects: making a runtime (a render) starts nothing.
 */
function createBrowserOutboxTabs(locks: LockManager): OutboxTabs {
  const tabID = newTabID();
  const runtimes = createMessageHub();
  let channel: BroadcastChannel | undefined;

  function start(): BroadcastChannel {
    if (channel) return channel;
    // Held as long as the page lives, and freed by the browser when it closes or reloads.
    locks.request(lockName(tabID), () => new Promise<never>(() => {})).catch(() => {});
    // One channel per page: a channel never hears its own messages, the other pages' do.
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.addEventListener('message', (event) => {
      if (isOutboxTabMessage(event.data)) runtimes.deliver(event.data);
    });
    return channel;
  }

  return {
    tabID,
    whenClosed(otherTabID, onClosed) {
      if (otherTabID === tabID) return () => {};
      start();
      const controller = new AbortController();
      // Granted once the page is gone, to the first page waiting for it, which keeps it for as
      // long as it lives itself: the others never take that page's deletions over as well, even
      // if their copy of localStorage does not show yet that they were moved (it lags behind
      // between tabs). They get the lock only once that page closes too, and find nothing left.
      locks
        .request(lockName(otherTabID), { signal: controller.signal }, () => {
          if (controller.signal.aborted) return;
          onClosed();
          return new Promise<never>(() => {});
        })
        .catch(() => {
          // Aborted: the runtime stopped waiting.
        });
      return () => controller.abort();
    },
    connect(listener) {
      const started = start();
      return runtimes.connect(listener, (message) => started.postMessage(message));
    },
  };
}

/**
 * Without Web Locks (Node, jsdom, old browsers) a page cannot tell whether another one is open:
 * the kit behaves as if it were the only page, and takes over whatever other pages kept.
 */
function createSinglePageOutboxTabs(): OutboxTabs {
  return {
    tabID: newTabID(),
    whenClosed(_otherTabID, onClosed) {
      let waiting = true;
      queueMicrotask(() => {
        if (waiting) onClosed();
      });
      return () => {
        waiting = false;
      };
    },
    connect: () => ({ post() {}, close() {} }),
  };
}

let pageTabs: OutboxTabs | undefined;

/** This page's tabs, made once per page and shared by every runtime in it. */
export function defaultOutboxTabs(): OutboxTabs {
  if (pageTabs) return pageTabs;
  const locks = globalThis.navigator?.locks;
  pageTabs =
    locks && typeof BroadcastChannel === 'function'
      ? createBrowserOutboxTabs(locks)
      : createSinglePageOutboxTabs();
  return pageTabs;
}
