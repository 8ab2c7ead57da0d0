/** A confirmed deletion the backend has not acknowledged yet, as kept across page loads. */
export interface OutboxEntry {
  deletionID: string;
  conversationIDs: string[];
  clearHistory: boolean;
  /** When the person confirmed it (`Date.now()` clock). */
  confirmedAt: number;
}

/**
 * Where the kit keeps confirmed deletions until the backend has them, per account. Synchronous,
 * so that the first render after a reload can already hide their rows; a host with only an
 * asynchronous store (React Native) reads it into memory before it renders the provider.
 * `write` may throw (quota, private mode): the kit then still deletes, but says it could not
 * keep the deletion for later.
 */
export interface OutboxStorage {
  read(accountID: string): OutboxEntry[];
  write(accountID: string, entries: readonly OutboxEntry[]): void;
}

/** The storage key of an account's outbox: clear it on sign-out with `localStorage.removeItem`. */
export function outboxStorageKey(accountID: string): string {
  return `conversation-kit:outbox:v1:${accountID}`;
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    typeof entry?.deletionID === 'string' &&
    Array.isArray(entry.conversationIDs) &&
    entry.conversationIDs.every((id) => typeof id === 'string') &&
    typeof entry.clearHistory === 'boolean' &&
    typeof entry.confirmedAt === 'number'
  );
}

/**
 * An outbox in the browser's `localStorage` (the default where there is one). What cannot be
 * read is treated as empty rather than thrown: a corrupt entry never blocks the list.
 */
export function createLocalStorageOutbox(storage: Storage): OutboxStorage {
  return {
    read(accountID) {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(outboxStorageKey(accountID)) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isOutboxEntry) : [];
      } catch {
        return [];
      }
    },
    write(accountID, entries) {
      const key = outboxStorageKey(accountID);
      if (entries.length === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(entries));
    },
  };
}

/** An outbox that lives as long as the page: for tests, and hosts that keep nothing. */
export function createMemoryOutbox(): OutboxStorage {
  const entriesByAccount = new Map<string, OutboxEntry[]>();
  return {
    read: (accountID) => [...(entriesByAccount.get(accountID) ?? [])],
    write(accountID, entries) {
      entriesByAccount.set(accountID, [...entries]);
    },
  };
}

let pageDefault: OutboxStorage | undefined;

/**
 * The browser's localStorage when the page may use it (one instance per page, shared by every
 * runtime); `undefined` in Node or when it throws.
 */
export function defaultOutboxStorage(): OutboxStorage | undefined {
  if (pageDefault) return pageDefault;
  try {
    const storage = globalThis.localStorage;
    pageDefault = storage ? createLocalStorageOutbox(storage) : undefined;
    return pageDefault;
  } catch {
    // Some browsers throw on the very access to localStorage when storage is blocked.
    return undefined;
  }
}
