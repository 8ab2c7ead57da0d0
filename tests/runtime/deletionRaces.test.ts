// Races the model-based test (deletionModel.test.ts) once found, each as its smallest story:
// refetches, messages and other devices landing while a deletion is in flight. They all pass;
// each comment says what goes wrong for the person if the race is lost again.
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
} from '../../src/runtime';
import { createConversationStore } from '../../src/store';
import { conversation, nextTask } from '../fixtures';

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
  await queryClient.fetchQuery({ ...runtime.queryOptions });
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
    ...runtime.queryOptions,
    staleTime: 0,
  });
}

// A refetch's answer is a snapshot of the server from when it was asked for, and React Query
// writes it into the cache a few microtasks after the query function returns
// (query.js: `const data = await retryer.promise; this.setData(data)`). Whatever happened up to
// that write (not just up to the return) must be applied to the answer, or the stale snapshot
// overwrites it:
//  - a conversation deleted on another device in that window would come back in the list, a
//    row no one can delete ("not found") until the next full reload;
//  - a conversation whose deletion failed and was rolled back in that window would vanish from
//    the list although it still exists (it was in flight when the snapshot was filtered).
// The memory server at latency 0 (Storybook, tests) hits the window, and so can any backend
// that delivers events and results in microtasks, so every offset is tried.
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
      // Once lost at 1 and 2 microtasks: Bob was listed again although the server deleted him.
      expect(idsOf(listOf(runtime))).toEqual([alice, carol]);
    });
  }

  for (let microtasks = 0; microtasks <= 8; microtasks += 1) {
    it(`a failed deletion of Bob, refetched ${microtasks} microtasks in, leaves Bob listed`, async () => {
      const server = createPeopleServer();
      const runtime = await loadedRuntime(server.connect('A'));
      server.failNext({ call: 'reject', code: 2024 });
      const deleting = runtime.deleteConversations([bob], { clearHistory: false });
      for (let index = 0; index < microtasks; index += 1) await Promise.resolve();
      const refetching = refetch(runtime);
      const outcome = await deleting;
      await refetching;
      await nextTask();
      expect(outcome.failed.map((result) => result.conversationID)).toEqual([bob]);
      // Once lost at 3 and 4 microtasks: Bob was still on the server but gone from the list.
      expect(idsOf(listOf(runtime))).toEqual([alice, bob, carol]);
    });
  }
});

// A row whose deletion is in flight can be brought back by a new message. A refetch must keep it
// (in flight, but updated since), and if the deletion then fails, the rollback must put back the
// newest version of the row, not the one from before the deletion; otherwise the person sees
// the old last message, the old unread count and the old position, and the new message is
// hidden until something else touches the row. Not a microtask race: at latency 5 ms the fetch
// and the result arrive in separate tasks.
describe('a message for a row being deleted, then a refetch, then the deletion fails', () => {
  it('the row comes back with the new message, not the one from before the deletion', async () => {
    const server = createPeopleServer({ latencyMs: 5 });
    const runtime = await loadedRuntime(server.connect('A'));
    const refetching = refetch(runtime);
    await new Promise((resolve) => setTimeout(resolve, 1));
    server.failNext({ conversationIDs: [carol], code: 2999 });
    const deleting = runtime.deleteConversations([carol], { clearHistory: false });
    server.receiveMessage(carol, 'Are you there?');
    // The message brought Carol back at the top, while her deletion is in flight.
    expect(idsOf(listOf(runtime))).toEqual([carol, alice, bob]);
    await refetching;
    const outcome = await deleting;
    expect(outcome.failed.map((result) => result.conversationID)).toEqual([carol]);
    // Not back at the bottom with "Message from Carol": at the top with "Are you there?".
    expect(listOf(runtime)).toEqual(serverList(server));
  });
});

// Another device deletes a conversation while this device's deletion of it is in flight, then a
// message brings it back before this device hears its own result: 2500 ("Conversation not
// found", the other device was first). What the person asked for happened, so it must count as
// deleted, not as a failure with a retry offered (SPEC §4: a deletion that arrives while a local
// delete of the same ID is in flight "is never reported as a failure"). The message that follows
// must not erase the fact that the conversation was deleted meanwhile; it only keeps the row
// listed.
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
    // Not a failure with code 2500: a deletion.
    expect(outcome.failed).toEqual([]);
    expect(outcome.deleted).toEqual([alice]);
  });
});

// Deselecting a conversation that is not (or no longer) listed, e.g. a checkbox event for a row
// a remote deletion just removed, must change nothing. An anchor naming no row would make the
// next Shift-click select just its target instead of a range, and a new (equal) Set would
// re-render every subscriber of the selection for nothing.
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
