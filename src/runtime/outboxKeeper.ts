import type { OutboxEntry, OutboxStorage } from './outbox';
import { createMessageHub, type OutboxTabMessage, type OutboxTabPort } from './outboxTabs';

/**
 * Per storage, the kept deletions some runtime of this page is sending (confirmed here, or taken
 * over from another page): a runtime made later on this page (a provider mounted again) leaves
 * them to it, so each is sent by one runtime.
 */
const handledByStorage = new WeakMap<OutboxStorage, Set<string>>();
/** Per storage, the runtimes of this page that keep their deletions there. */
const hubByStorage = new WeakMap<OutboxStorage, ReturnType<typeof createMessageHub>>();

/**
 * One runtime's hold on this page's slot of the outbox: what it keeps, narrows and drops, and
 * what it takes over from a page that closed. Every read and write is guarded: storage that is
 * full or blocked reports through `onAvailabilityChange`, and never throws into the host.
 */
export function createOutboxKeeper(options: {
  storage: OutboxStorage | undefined;
  tabID: string;
  onAvailabilityChange(unavailable: boolean): void;
}) {
  const { storage, tabID } = options;
  let handledInThisPage = new Set<string>();
  let hub = createMessageHub();
  if (storage) {
    handledInThisPage = handledByStorage.get(storage) ?? handledInThisPage;
    handledByStorage.set(storage, handledInThisPage);
    hub = hubByStorage.get(storage) ?? hub;
    hubByStorage.set(storage, hub);
  }
  /** The account each deletion sent by this runtime is kept for, even after a sign-in. */
  const accountOfKept = new Map<string, string>();

  function read(accountID: string): OutboxEntry[] {
    if (!storage) return [];
    try {
      return storage.read(accountID);
    } catch {
      return [];
    }
  }

  /** Whether the write went through. */
  function write(accountID: string, slotTabID: string, entries: readonly OutboxEntry[]): boolean {
    if (!storage) return false;
    try {
      storage.write(accountID, slotTabID, entries);
      options.onAvailabilityChange(false);
      return true;
    } catch {
      // Storage full or blocked: the deletion goes out all the same, it just would not survive
      // a reload before the backend has it. The status says so.
      options.onAvailabilityChange(true);
      return false;
    }
  }

  /** Read, changed and written at once: other runtimes of this page keep entries here too. */
  function updateOwnSlot(accountID: string, change: (own: OutboxEntry[]) => OutboxEntry[]): void {
    const own = read(accountID).filter((entry) => entry.tabID === tabID);
    write(accountID, tabID, change(own));
  }

  return {
    /** Whether there is storage at all: without it nothing is kept, and nothing is shared. */
    hasStorage: storage !== undefined,
    /**
     * Connects a runtime to the others of this page on the same storage (a provider mounted
     * twice, two lists of one account): a message reaches them in a task of its own, at the pace
     * a BroadcastChannel message reaches the other pages.
     */
    connectToPage(listener: (message: OutboxTabMessage) => void): OutboxTabPort {
      const port = hub.connect(listener, (message) => {
        setTimeout(() => hub.deliver(message, listener), 0);
      });
      return port;
    },
    /** Every entry kept for the account, by any page. */
    read,

    keep(accountID: string, entry: Omit<OutboxEntry, 'tabID'>): void {
      accountOfKept.set(entry.deletionID, accountID);
      handledInThisPage.add(entry.deletionID);
      updateOwnSlot(accountID, (own) => [...own, { ...entry, tabID }]);
    },

    /** The account a deletion of this runtime is kept for; `undefined` when it is not kept. */
    accountOf: (deletionID: string) => accountOfKept.get(deletionID),

    /** Keeps only these IDs of a kept deletion: the others were settled. */
    narrow(deletionID: string, conversationIDs: readonly string[]): void {
      const accountID = accountOfKept.get(deletionID);
      if (accountID === undefined) return;
      const remaining = new Set(conversationIDs);
      updateOwnSlot(accountID, (own) =>
        own.map((entry) =>
          entry.deletionID === deletionID
            ? { ...entry, conversationIDs: entry.conversationIDs.filter((id) => remaining.has(id)) }
            : entry,
        ),
      );
    },

    drop(deletionID: string): void {
      const accountID = accountOfKept.get(deletionID);
      if (accountID === undefined) return;
      accountOfKept.delete(deletionID);
      handledInThisPage.delete(deletionID);
      updateOwnSlot(accountID, (own) => own.filter((entry) => entry.deletionID !== deletionID));
    },

    /**
     * Takes over the entries of a page that closed (or, for this page's own slot, those no
     * runtime of it is sending: a runtime that was thrown away): they move into this page's slot
     * before they leave the other's, so a crash in between duplicates an entry (sending it twice
     * is harmless: "not found" counts as done) and never loses one.
     */
    takeOver(accountID: string, fromTabID: string): OutboxEntry[] {
      const entries = read(accountID);
      const taken = entries.filter(
        (entry) => entry.tabID === fromTabID && !handledInThisPage.has(entry.deletionID),
      );
      if (taken.length === 0) return [];
      if (fromTabID !== tabID) {
        const own = entries.filter((entry) => entry.tabID === tabID);
        // Left in the closed page's slot when this page could not keep them: should this page
        // close too before they are sent, another one takes them over from there.
        if (write(accountID, tabID, [...own, ...taken.map((entry) => ({ ...entry, tabID }))])) {
          write(accountID, fromTabID, []);
        }
      }
      for (const entry of taken) {
        accountOfKept.set(entry.deletionID, accountID);
        handledInThisPage.add(entry.deletionID);
      }
      return taken;
    },
  };
}

export type OutboxKeeper = ReturnType<typeof createOutboxKeeper>;
