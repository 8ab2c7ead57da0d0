// Races the model-based test (deletionModel.test.ts) once found, each as its smallest story:
// refetches, messages and other devices landing while a deletion is in flight.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  createMemoryChatServer,
  DEFAULT_REFERENCE_TIME,
  type MemoryChatServer,
} from '../../src/adapters/memory';
import type { ChatAdapter, Conversation } from '../../src/core';
import {
  type ConversationKitRuntime,
  compareConversations,
  createConversationKitRuntime,
} from '../../src/hooks';
import { createConversationStore } from '../../src/store';

function conversation(conversationID: string, displayName: string, minutesAgo: number) {
  return {
    conversationID,
    type: 'C2C' as const,
    displayName,
    lastMessage: {
      text: `Hi, ${displayName} here`,
      timestamp: DEFAULT_REFERENCE_TIME - minutesAgo * 60_000,
    },
    unreadCount: 0,
    isPinned: false,
  };
}

const alice = 'C2Calice';
const bob = 'C2Cbob';
const carol = 'C2Ccarol';

function createPeopleServer(options: { latencyMs?: number } = {}): MemoryChatServer {
  let clock = DEFAULT_REFERENCE_TIME;
  return createMemoryChatServer({
    conversations: [
      conversation(alice, 'Alice', 1),
      conversation(bob, 'Bob', 2),
      conversation(carol, 'Carol', 3),
    ],
    latencyMs: options.latencyMs ?? 0,
    now: () => {
      clock += 1_000;
      return clock;
    },
  });
}

async function loadedRuntime(adapter: ChatAdapter) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const runtime = createConversationKitRuntime({
    adapter,
    queryClient,
    store: createConversationStore(),
  });
  runtime.connect();
  await queryClient.fetchQuery({ queryKey: runtime.queryKey, queryFn: runtime.fetchConversations });
  return runtime;
}

function listOf(runtime: ConversationKitRuntime): Conversation[] {
  return runtime.queryClient.getQueryData<Conversation[]>(runtime.queryKey) ?? [];
}

function idsOf(conversations: readonly Conversation[]): string[] {
  return conversations.map((item) => item.conversationID);
}

function serverList(server: MemoryChatServer): Conversation[] {
  return [...server.listConversations()].sort(compareConversations);
}

/** What a host's `refetch()` / `invalidateQueries` does: fetch through the runtime, now. */
function refetch(runtime: ConversationKitRuntime): Promise<unknown> {
  return runtime.queryClient.fetchQuery({
    queryKey: runtime.queryKey,
    queryFn: runtime.fetchConversations,
    staleTime: 0,
  });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// BUG 1 (src/hooks/createConversationKitRuntime.ts, fetchConversations):
// fetchConversations protects its answer from deletions and rollbacks only until it *returns*
// (`deletedDuringFetch` is dropped in its `finally`, and in-flight IDs are filtered at that
// moment). React Query writes the answer into the cache a few microtasks later
// (query.js: `const data = await retryer.promise; this.setData(data)`). Anything the runtime
// writes in between is overwritten by the stale answer:
//  - a conversation deleted on another device in that window comes back in the list;
//  - a conversation whose deletion failed and was rolled back in that window disappears
//    (it was filtered out as "in flight" when the answer was made).
// The memory server at latency 0 (Storybook, tests) hits the window; any backend whose
// events/results are delivered in microtasks can. Suggested fix: keep the per-fetch
// bookkeeping until the answer is in the cache (e.g. reconcile in the cache subscriber of
// `connect()` on a fetch `success`: drop IDs deleted since the fetch began, put back IDs
// rolled back since), or have the runtime write the fetched list itself.
describe('a refetch racing with deletions', () => {
  for (let microtasks = 0; microtasks <= 8; microtasks += 1) {
    it(`a conversation the phone deletes ${microtasks} microtasks into a refetch stays deleted`, async () => {
      const server = createPeopleServer();
      const runtime = await loadedRuntime(server.connect('A'));
      const phone = server.connect('phone');
      const refetching = refetch(runtime);
      for (let index = 0; index < microtasks; index += 1) await Promise.resolve();
      await phone.deleteConversation(bob);
      await refetching;
      await nextTask();
      expect(serverList(server).map((item) => item.conversationID)).toEqual([alice, carol]);
      // Fails for 1 and 2 microtasks: Bob is listed again although the server deleted him.
      expect(idsOf(listOf(runtime))).toEqual([alice, carol]);
    });
  }

  for (let microtasks = 0; microtasks <= 8; microtasks += 1) {
    it(`a failed deletion of Bob, refetched ${microtasks} microtasks in, leaves Bob listed`, async () => {
      const server = createPeopleServer();
      const runtime = await loadedRuntime(server.connect('A'));
      server.failNext({ call: 'reject', code: 2800 });
      const deleting = runtime.deleteConversations([bob], { clearHistory: false });
      for (let index = 0; index < microtasks; index += 1) await Promise.resolve();
      const refetching = refetch(runtime);
      const outcome = await deleting;
      await refetching;
      await nextTask();
      expect(outcome.failed.map((result) => result.conversationID)).toEqual([bob]);
      // Fails for 3 and 4 microtasks: Bob is still on the server but gone from the list.
      expect(idsOf(listOf(runtime))).toEqual([alice, bob, carol]);
    });
  }
});

// BUG 2 (src/hooks/createConversationKitRuntime.ts, fetchConversations + the rollback in
// deleteConversations):
// A row whose deletion is in flight but which a new message brought back (`updatedWhileInFlight`)
// is dropped by a refetch, because fetchConversations filters out every in-flight ID. When the
// deletion then fails, the rollback restores the `snapshot` taken *before* the deletion: the old
// last message, old unread count, old position. Not a microtask race: at latency 5 ms the fetch
// and the result arrive in separate tasks. Suggested fix: fetchConversations keeps in-flight IDs
// that are in `updatedWhileInFlight`; and/or the rollback prefers the latest version seen
// (update the snapshot in applyEvent's `conversationsUpdated` branch for in-flight IDs).
describe('a message for a row being deleted, then a refetch, then the deletion fails', () => {
  it('the row comes back with the new message, not the one from before the deletion', async () => {
    const server = createPeopleServer({ latencyMs: 5 });
    const runtime = await loadedRuntime(server.connect('A'));
    const refetching = refetch(runtime);
    await new Promise((resolve) => setTimeout(resolve, 1));
    server.failNext({ conversationIDs: [carol], code: 2801 });
    const deleting = runtime.deleteConversations([carol], { clearHistory: false });
    server.receiveMessage(carol, 'Are you there?');
    // The message brought Carol back at the top, while her deletion is in flight.
    expect(idsOf(listOf(runtime))).toEqual([carol, alice, bob]);
    await refetching;
    const outcome = await deleting;
    expect(outcome.failed.map((result) => result.conversationID)).toEqual([carol]);
    // Fails: Carol is back at the bottom with "Hi, Carol here" instead of "Are you there?".
    expect(listOf(runtime)).toEqual(serverList(server));
  });
});

// BUG 3 (src/hooks/createConversationKitRuntime.ts, applyEvent `conversationsUpdated` branch):
// when another device deleted a conversation while this device's deletion of it was in flight,
// and then a message brought it back before this device's result arrived, the update erases the
// `removedWhileInFlight` mark. This device's own call got 2500 ("Conversation not found", the
// other device was first), and it is now reported as a FAILURE, with a retry offered, although
// the deletion happened. SPEC §4: a deletion that arrives while a local delete of the same ID is
// in flight "is never reported as a failure". Suggested fix: do not clear the mark on update (it
// only decides failed vs deleted; `updatedWhileInFlight` already keeps the row listed), or count
// a 2500 for an ID that was deleted elsewhere during the flight as deleted.
describe('both devices delete Alice, then a message from her arrives', () => {
  it('the device whose call came second reports Alice deleted, not failed', async () => {
    const server = createPeopleServer();
    const phone = server.connect('phone');
    const real = server.connect('B');
    // Alice's message arrives after the server answered B, before B hears the answer.
    const adapter: ChatAdapter = {
      ...real,
      async deleteConversationList(conversationIDs, options) {
        const results = await real.deleteConversationList(conversationIDs, options);
        server.receiveMessage(alice, 'Hello again');
        return results;
      },
    };
    const b = await loadedRuntime(adapter);
    const phoneDeletes = phone.deleteConversationList([alice], { clearMessage: false });
    const outcome = await b.deleteConversations([alice], { clearHistory: false });
    await phoneDeletes;
    expect(outcome.results[0]?.code).toBe(2500);
    // Alice is listed again (the message brought her back): that part is right.
    expect(idsOf(listOf(b))).toEqual(idsOf(serverList(server)));
    // Fails: outcome.failed is [{conversationID: 'C2Calice', ok: false, code: 2500, …}].
    expect(outcome.failed).toEqual([]);
    expect(outcome.deleted).toEqual([alice]);
  });
});

// BUG 4 (src/store/createConversationStore.ts, setSelected): `setSelected(id, false)` for an ID
// that is not in the list still sets `anchorID` to it (and publishes a new, equal Set). The
// anchor then names no row, although syncConversationIDs/forgetConversations work to keep it
// inside the list. Minor: selectRange falls back to selecting just the target. Suggested fix:
// return early when the ID is not in `orderedIDs`, whatever `selected` is.
describe('deselecting a conversation that is not in the list', () => {
  it('changes nothing: no anchor outside the list, same Set', () => {
    const store = createConversationStore();
    store.getState().syncConversationIDs([alice, bob, carol]);
    store.getState().toggle(alice);
    const before = store.getState().selectedIDs;
    store.getState().setSelected('C2Cstranger', false);
    expect(store.getState().anchorID).toBe(alice);
    expect(store.getState().selectedIDs).toBe(before);
  });
});
