/** A confirmed deletion the backend has not acknowledged yet, as kept across page loads. */
export interface OutboxEntry {
  deletionID: string;
  conversationIDs: string[];
  clearHistory: boolean;
  /** When the person confirmed it (`Date.now()` clock). */
  confirmedAt: number;
  /**
   * The page (browser tab) that sends it. When that page closes, one live page of the account
   * takes the entry over and sends it (`OutboxTabs`).
   */
  tabID: string;
}

/**
 * Where the kit keeps confirmed deletions until the backend has them, per account, in one slot
 * per page: a page writes only its own slot, so two tabs never overwrite each other's entries.
 * Synchronous, so that the first render after a reload can already hide their rows; a host with
 * only an asynchronous store (React Native) reads it into memory before it renders the provider.
 * `write` may throw (quota, private mode): the kit then still deletes, but says it could not
 * keep the deletion for later.
 */
export interface OutboxStorage {
  /** Every entry kept for the account, by every page. */
  read(accountID: string): OutboxEntry[];
  /** Replaces what the page `tabID` keeps for the account; an empty list removes its slot. */
  write(accountID: string, tabID: string, entries: readonly OutboxEntry[]): void;
}

const KEY_PREFIX = 'conversation-kit:outbox:v1:';

/**
 * The start of every localStorage key of an account's outbox (`<prefix><tabID>`, one key per
 * page that kept something). Account IDs are URI-encoded, so one account's prefix never starts
 * another's keys.
 */
export function outboxStorageKeyPrefix(accountID: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(accountID)}:`;
}

/**
 * Forgets every deletion kept for an account in `storage` (localStorage by default): call it on
 * sign-out, after the kit's provider has unmounted.
 */
export function clearStoredOutbox(accountID: string, storage: Storage = localStorage): void {
  const prefix = outboxStorageKeyPrefix(accountID);
  for (const key of storageKeys(storage)) {
    if (key.startsWith(prefix)) storage.removeItem(key);
  }
}

function storageKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null) keys.push(key);
  }
  return keys;
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    typeof entry?.deletionID === 'string' &&
    Array.isArray(entry.conversationIDs) &&
    entry.conversationIDs.every((id) => typeof id === 'string') &&
    typeof entry.clearHistory === 'boolean' &&
    typeof entry.confirmedAt === 'number' &&
    typeof entry.tabID === 'string'
  );
}

function parseEntries(text: string | null): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isOutboxEntry) : [];
  } catch {
    return [];
  }
}

/**
 * An outbox in the browser's `localStorage` (the default where there is one): a JSON array per
 * account and page. What cannot be read is treated as empty rather than thrown: a corrupt entry
 * never blocks the list.
 */
export function createLocalStorageOutbox(storage: Storage): OutboxStorage {
  return {
    read(accountID) {
      const prefix = outboxStorageKeyPrefix(accountID);
      return storageKeys(storage)
        .filter((key) => key.startsWith(prefix))
        .flatMap((key) => parseEntries(storage.getItem(key)));
    },
    write(accountID, tabID, entries) {
      const key = `${outboxStorageKeyPrefix(accountID)}${tabID}`;
      if (entries.length === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(entries));
    },
  };
}

/** An outbox that lives as long as the page: for tests, and hosts that keep nothing. */
export function createMemoryOutbox(): OutboxStorage {
  const slots = new Map<string, Map<string, OutboxEntry[]>>();
  return {
    read: (accountID) => [...(slots.get(accountID)?.values() ?? [])].flat(),
    write(accountID, tabID, entries) {
      const account = slots.get(accountID) ?? new Map<string, OutboxEntry[]>();
      slots.set(accountID, account);
      if (entries.length === 0) account.delete(tabID);
      else
        account.set(
          tabID,
          entries.map((entry) => ({ ...entry })),
        );
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
