import type { QueryClient } from '@tanstack/react-query';
import type { ChatAdapter, Conversation } from '../core/types';
import { upsertConversations } from './conversationListCache';

/**
 * What happened while one fetch of the list was loading, so that its (older) answer revives no
 * deleted row and loses no update. Applied when react-query writes the answer, not when it arrives.
 */
interface FetchRecord {
  deleted: Set<string>;
  updated: Map<string, Conversation>;
}

/**
 * The bookkeeping behind every fetch of one list in one QueryClient. Shared by every runtime on
 * that list (two providers on one adapter and client, or StrictMode's second render): a fetch
 * started by one must learn what the others deleted, and leave out what they are deleting.
 */
export interface FetchReconciler {
  /** Starts recording for a fetch that is about to ask the backend. */
  begin(): FetchRecord;
  /**
   * The fetch answered. Its reconciliation waits for react-query to write the answer
   * (`reconcileFetchedList`); `onWritten` then sees the list as written. `hides` is the fetching
   * runtime's own test, which counts even before it is connected (`addHider`).
   */
  answered(
    record: FetchRecord,
    answer: Conversation[],
    fetcher: {
      hides: (conversationID: string) => boolean;
      onWritten: (list: Conversation[]) => void;
    },
  ): void;
  /** The fetch failed: nothing of it will be written. */
  failed(record: FetchRecord): void;
  noteDeleted(conversationIDs: Iterable<string>): void;
  noteUpdated(conversations: readonly Conversation[]): void;
  /**
   * Adds a test that keeps a conversation out of every answer (a runtime's rows in flight);
   * returns the function that removes it.
   */
  addHider(hides: (conversationID: string) => boolean): () => void;
}

/** The reconciliation of each answer not written yet, found by the answer itself. */
const pendingAnswers = new WeakMap<object, () => Conversation[]>();

/**
 * The query's `structuralSharing`: called synchronously as react-query writes data, the one
 * moment a fetched answer can be brought up to date. One function for every runtime, because the
 * query keeps the options of whichever observer set them last; the answer knows its own fetch.
 * Lists of 100,000 rows are never deep-compared.
 */
export function reconcileFetchedList(_previous: unknown, next: unknown): unknown {
  const reconcile =
    typeof next === 'object' && next !== null ? pendingAnswers.get(next) : undefined;
  return reconcile ? reconcile() : next;
}

function createFetchReconciler(): FetchReconciler {
  /** Fetches whose answer is not written yet, oldest first. */
  const activeFetches = new Set<FetchRecord>();
  const hiders = new Set<(conversationID: string) => boolean>();

  function reconcile(
    record: FetchRecord,
    answer: Conversation[],
    fetcherHides: (conversationID: string) => boolean,
  ): Conversation[] {
    // A query runs one fetch at a time; those started before this one were cancelled or
    // superseded, and react-query never writes their answers after a newer one.
    for (const earlier of activeFetches) {
      activeFetches.delete(earlier);
      if (earlier === record) break;
    }
    // The fetching runtime's own test is among the hiders once it is connected: asked once.
    const tests = hiders.has(fetcherHides) ? [...hiders] : [fetcherHides, ...hiders];
    const kept = answer.filter((item) => {
      const id = item.conversationID;
      if (record.deleted.has(id)) return false;
      for (const hides of tests) {
        if (hides(id)) return false;
      }
      return true;
    });
    return upsertConversations(kept, [...record.updated.values()]);
  }

  return {
    begin() {
      // The query's abort signal is left unread on purpose (see fetchConversations), so a fetch
      // whose answer is never written leaves its record here until a later answer is written.
      const record: FetchRecord = { deleted: new Set(), updated: new Map() };
      activeFetches.add(record);
      return record;
    },
    answered(record, answer, fetcher) {
      pendingAnswers.set(answer, () => {
        pendingAnswers.delete(answer);
        const list = reconcile(record, answer, fetcher.hides);
        fetcher.onWritten(list);
        return list;
      });
    },
    failed(record) {
      activeFetches.delete(record);
    },
    noteDeleted(conversationIDs) {
      if (activeFetches.size === 0) return;
      const ids = [...conversationIDs];
      for (const record of activeFetches) {
        for (const id of ids) {
          record.deleted.add(id);
          record.updated.delete(id);
        }
      }
    },
    noteUpdated(conversations) {
      for (const record of activeFetches) {
        for (const conversation of conversations) {
          record.deleted.delete(conversation.conversationID);
          record.updated.set(conversation.conversationID, conversation);
        }
      }
    },
    addHider(hides) {
      hiders.add(hides);
      return () => {
        hiders.delete(hides);
      };
    },
  };
}

const reconcilers = new WeakMap<QueryClient, WeakMap<ChatAdapter, FetchReconciler>>();

/**
 * The reconciler of one adapter's list in one QueryClient. Looked up, never registered anywhere
 * the host can see: creating a runtime changes nothing outside it.
 */
export function fetchReconcilerOf(queryClient: QueryClient, adapter: ChatAdapter): FetchReconciler {
  let lists = reconcilers.get(queryClient);
  if (!lists) {
    lists = new WeakMap();
    reconcilers.set(queryClient, lists);
  }
  let reconciler = lists.get(adapter);
  if (!reconciler) {
    reconciler = createFetchReconciler();
    lists.set(adapter, reconciler);
  }
  return reconciler;
}
