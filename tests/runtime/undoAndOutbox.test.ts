// The undo window and the outbox (issue 15): a confirmed deletion waits `undoWindowMs` before it
// is sent, Undo restores exactly its rows, and every confirmed deletion the backend has not
// acknowledged is kept per account, so that a new page load (a new runtime on the same storage)
// hides its rows from the start and sends it.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryChatServer, type MemoryChatServer } from '../../src/adapters/memory';
import type { ChatAdapter, Conversation } from '../../src/core';
import {
  type ConversationKitRuntime,
  createConversationKitRuntime,
  createMemoryOutbox,
  type OutboxStorage,
} from '../../src/runtime';
import { type ConversationStore, createConversationStore } from '../../src/store';
import { conversation, nextTask } from '../fixtures';

const people = [
  conversation('C2Calice', 'Alice', 1),
  conversation('C2Cbob', 'Bob', 2),
  conversation('C2Ccarol', 'Carol', 3),
  conversation('C2Cdave', 'Dave', 4),
];

/** Long enough that nothing ends it by accident; tests end it themselves or wait it out. */
const WINDOW_MS = 60;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The same kept entries seen from a new page load: a new storage object over the same data, as a
 * reloaded page gets a new `localStorage` wrapper over the same browser storage.
 */
function reloadedStorage(outbox: OutboxStorage): OutboxStorage {
  return {
    read: (accountID) => outbox.read(accountID),
    write: (accountID, tabID, entries) => outbox.write(accountID, tabID, entries),
  };
}

/** One device of one account, as a page load makes it: a runtime on a loaded list. */
async function openPage(options: {
  server: MemoryChatServer;
  outbox?: OutboxStorage | null;
  undoWindowMs?: number;
  device?: string;
}) {
  const inner = options.server.connect(options.device ?? 'phone');
  // The account the outbox is kept for.
  const adapter: ChatAdapter = {
    ...inner,
    capabilities: inner.capabilities,
    accountID: 'alice',
  } as ChatAdapter;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const store: ConversationStore = createConversationStore();
  const runtime: ConversationKitRuntime<ConversationStore> = createConversationKitRuntime({
    adapter,
    queryClient,
    store,
    undoWindowMs: options.undoWindowMs ?? WINDOW_MS,
    outboxStorage: options.outbox ?? null,
  });
  // What the first render sees, before the list has loaded.
  const hiddenAtStart = [...runtime.deletionState.getState().inFlightIDs];
  const disconnect = runtime.connect();
  await queryClient.fetchQuery({ ...runtime.queryOptions });
  const listed = () =>
    (queryClient.getQueryData<Conversation[]>(runtime.queryKey) ?? []).map(
      (item) => item.conversationID,
    );
  return { runtime, store, queryClient, listed, hiddenAtStart, disconnect };
}

function deletedOnServer(server: MemoryChatServer): string[] {
  const live = new Set(server.listConversations().map((item) => item.conversationID));
  return people.map((item) => item.conversationID).filter((id) => !live.has(id));
}

describe('the undo window', () => {
  it('hides the rows at once and sends nothing until the window has passed', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server });
    const deleting = page.runtime.deleteConversations(['C2Cbob', 'C2Ccarol'], {
      clearHistory: false,
    });
    expect(page.listed()).toEqual(['C2Calice', 'C2Cdave']);
    expect(
      page.runtime.deletionState.getState().undoable.map((item) => item.conversationIDs),
    ).toEqual([['C2Cbob', 'C2Ccarol']]);
    await wait(WINDOW_MS / 2);
    expect(server.calls).toEqual([]);

    const outcome = await deleting;
    expect(outcome.deleted).toEqual(['C2Cbob', 'C2Ccarol']);
    expect(outcome.undone).toBeUndefined();
    expect(server.calls).toHaveLength(1);
    expect(page.runtime.deletionState.getState().undoable).toEqual([]);
  });

  it('undoes the deletion: the rows come back in their place and nothing is ever sent', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server });
    const deleting = page.runtime.deleteConversations(['C2Cbob'], { clearHistory: true });
    expect(page.listed()).not.toContain('C2Cbob');

    expect(page.runtime.undo()).toBe(true);
    const outcome = await deleting;
    expect(outcome).toMatchObject({ undone: true, deleted: [], failed: [], notSent: ['C2Cbob'] });
    expect(page.listed()).toEqual(['C2Calice', 'C2Cbob', 'C2Ccarol', 'C2Cdave']);
    expect(page.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
    await wait(WINDOW_MS * 2);
    expect(server.calls).toEqual([]);
    expect(page.runtime.undo()).toBe(false);
  });

  it('gives each deletion its own window, and Undo takes back the most recent', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server });
    const first = page.runtime.deleteConversations(['C2Calice'], { clearHistory: false });
    await wait(WINDOW_MS / 3);
    const second = page.runtime.deleteConversations(['C2Cdave'], { clearHistory: false });
    page.runtime.undo();
    expect((await second).undone).toBe(true);
    expect((await first).deleted).toEqual(['C2Calice']);
    expect(deletedOnServer(server)).toEqual(['C2Calice']);
    expect(page.listed()).toEqual(['C2Cbob', 'C2Ccarol', 'C2Cdave']);
  });

  it('stops the clock while paused, and runs out only after resuming', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server });
    const deleting = page.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    page.runtime.pauseUndoWindows();
    const [paused] = page.runtime.deletionState.getState().undoable;
    expect(paused?.sendAt).toBeNull();
    await wait(WINDOW_MS * 2);
    expect(server.calls).toEqual([]);
    page.runtime.resumeUndoWindows();
    expect(page.runtime.deletionState.getState().undoable[0]?.sendAt).toBeGreaterThan(Date.now());
    expect((await deleting).deleted).toEqual(['C2Cbob']);
  });

  it('sends at once when the page goes away', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server, undoWindowMs: 60_000 });
    const deleting = page.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    page.runtime.sendPendingNow();
    expect((await deleting).deleted).toEqual(['C2Cbob']);
    expect(server.calls).toHaveLength(1);
  });

  it('leaves out a conversation another device deleted during the window, reported once', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server });
    const heard: string[][] = [];
    page.runtime.subscribe((event) => {
      if (event.type === 'conversationsDeleted') heard.push(event.conversationIDs);
    });
    const deleting = page.runtime.deleteConversations(['C2Cbob', 'C2Ccarol'], {
      clearHistory: false,
    });
    await server.connect('laptop').deleteConversation('C2Cbob');
    await nextTask();
    const outcome = await deleting;
    expect(server.calls.filter((call) => call.device === 'phone')).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Ccarol'],
        clearMessage: false,
      },
    ]);
    expect(outcome.deleted).toEqual(['C2Ccarol']);
    expect(heard.flat().sort()).toEqual(['C2Cbob', 'C2Ccarol']);
  });

  it('refuses a window that is not a number of milliseconds', () => {
    const server = createMemoryChatServer({ conversations: people });
    for (const undoWindowMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() =>
        createConversationKitRuntime({
          adapter: server.connect('phone'),
          queryClient: new QueryClient(),
          store: createConversationStore(),
          undoWindowMs,
        }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

describe('the outbox across page loads', () => {
  it('keeps a deletion in its window, hides its row from the next load at once, and sends it there', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const first = await openPage({ server, outbox, undoWindowMs: 60_000 });
    void first.runtime.deleteConversations(['C2Cbob'], { clearHistory: true });
    expect(outbox.read('alice').map((entry) => entry.conversationIDs)).toEqual([['C2Cbob']]);
    // The tab is closed before the window passed (and before pagehide could send it).
    first.disconnect();

    const reloaded = await openPage({ server, outbox: reloadedStorage(outbox) });
    expect(reloaded.hiddenAtStart).toEqual(['C2Cbob']);
    expect(reloaded.listed()).not.toContain('C2Cbob');
    await nextTask();
    await nextTask();
    expect(deletedOnServer(server)).toEqual(['C2Cbob']);
    expect(server.historyLength('C2Cbob')).toBe(0);
    expect(outbox.read('alice')).toEqual([]);
    expect(reloaded.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
    expect(reloaded.listed()).toEqual(['C2Calice', 'C2Ccarol', 'C2Cdave']);
  });

  it('leaves a deletion kept by another runtime of the same page to it, and hides its row until it is settled', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const first = await openPage({ server, outbox, undoWindowMs: 60_000 });
    const deleting = first.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    // A second provider of the same account on the same storage (a list in another panel).
    const second = await openPage({ server, outbox, device: 'phone' });
    expect(second.hiddenAtStart).toEqual(['C2Cbob']);
    expect(second.listed()).not.toContain('C2Cbob');
    await nextTask();
    expect(server.calls).toEqual([]);
    first.runtime.sendPendingNow();
    await deleting;
    await nextTask();
    expect(server.calls).toHaveLength(1);
    expect(second.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
    expect(second.listed()).not.toContain('C2Cbob');
  });

  it('shows a row again on every runtime of the page when its deletion is undone on one', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const first = await openPage({ server, outbox, undoWindowMs: 60_000 });
    const second = await openPage({ server, outbox, device: 'tablet' });
    const deleting = first.runtime.deleteConversations(['C2Ccarol'], { clearHistory: true });
    await nextTask();
    expect(second.listed()).toEqual(['C2Calice', 'C2Cbob', 'C2Cdave']);
    first.runtime.undo();
    await deleting;
    await nextTask();
    expect(second.listed()).toEqual(['C2Calice', 'C2Cbob', 'C2Ccarol', 'C2Cdave']);
    expect(second.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
    expect(server.calls).toEqual([]);
  });

  it('sends a kept deletion from the runtime StrictMode keeps, not the one it throws away', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    outbox.write('alice', 'closed-tab', [
      {
        deletionID: 'kept',
        conversationIDs: ['C2Cbob'],
        clearHistory: false,
        confirmedAt: 1,
        tabID: 'closed-tab',
      },
    ]);
    const storage = reloadedStorage(outbox);
    const inner = server.connect('phone');
    const adapter = {
      ...inner,
      capabilities: inner.capabilities,
      accountID: 'alice',
    } as ChatAdapter;
    const make = () =>
      createConversationKitRuntime({
        adapter,
        queryClient: new QueryClient(),
        store: createConversationStore(),
        outboxStorage: storage,
      });
    // StrictMode calls the state initializer twice and keeps one result: made, never connected.
    const thrownAway = make();
    const kept = make();
    expect([...thrownAway.deletionState.getState().inFlightIDs]).toEqual(['C2Cbob']);
    expect([...kept.deletionState.getState().inFlightIDs]).toEqual(['C2Cbob']);
    kept.connect();
    for (let round = 0; round < 5 && server.calls.length === 0; round += 1) await nextTask();
    await nextTask();
    expect(deletedOnServer(server)).toEqual(['C2Cbob']);
    expect(server.calls).toHaveLength(1);
    expect(outbox.read('alice')).toEqual([]);
  });

  it('forgets an undone deletion: the next load shows the row and sends nothing', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const first = await openPage({ server, outbox });
    const deleting = first.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    first.runtime.undo();
    await deleting;
    expect(outbox.read('alice')).toEqual([]);
    first.disconnect();

    const reloaded = await openPage({ server, outbox: reloadedStorage(outbox) });
    expect(reloaded.hiddenAtStart).toEqual([]);
    await nextTask();
    expect(server.calls).toEqual([]);
    expect(reloaded.listed()).toContain('C2Cbob');
  });

  it('counts "not found" for a kept deletion as done (the earlier page had sent it)', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    outbox.write('alice', 'closed-tab', [
      {
        deletionID: 'earlier',
        conversationIDs: ['C2Cbob'],
        clearHistory: false,
        confirmedAt: 1,
        tabID: 'closed-tab',
      },
    ]);
    await server.connect('laptop').deleteConversation('C2Cbob');
    const reloaded = await openPage({ server, outbox: reloadedStorage(outbox) });
    await nextTask();
    expect(outbox.read('alice')).toEqual([]);
    expect(reloaded.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
    expect(reloaded.listed()).not.toContain('C2Cbob');
  });

  it('keeps nothing for another account, and nothing when the adapter names none', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    outbox.write('bob', 'closed-tab', [
      {
        deletionID: 'bobs',
        conversationIDs: ['C2Ccarol'],
        clearHistory: false,
        confirmedAt: 1,
        tabID: 'closed-tab',
      },
    ]);
    const page = await openPage({ server, outbox });
    expect(page.hiddenAtStart).toEqual([]);
    await nextTask();
    expect(server.calls).toEqual([]);

    const anonymous = createConversationKitRuntime({
      adapter: server.connect('tablet'),
      queryClient: new QueryClient(),
      store: createConversationStore(),
      undoWindowMs: 60_000,
      outboxStorage: outbox,
    });
    anonymous.connect();
    void anonymous.deleteConversations(['C2Cdave'], { clearHistory: false }).catch(() => undefined);
    expect(outbox.read('alice')).toEqual([]);
    anonymous.sendPendingNow();
  });

  it('keeps a deletion for the account signed in when it was confirmed, even after a sign-in', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const inner = server.connect('phone');
    let signedIn: string | undefined;
    const adapter = {
      ...inner,
      capabilities: inner.capabilities,
      get accountID() {
        return signedIn;
      },
    } as ChatAdapter;
    const queryClient = new QueryClient();
    const runtime = createConversationKitRuntime({
      adapter,
      queryClient,
      store: createConversationStore(),
      undoWindowMs: 60_000,
      outboxStorage: outbox,
    });
    runtime.connect();
    await queryClient.fetchQuery({ ...runtime.queryOptions });
    // The SDK logs in after the runtime was made.
    signedIn = 'alice';
    const deleting = runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    expect(outbox.read('alice').map((entry) => entry.conversationIDs)).toEqual([['C2Cbob']]);
    signedIn = 'bob';
    runtime.sendPendingNow();
    await deleting;
    expect(outbox.read('alice')).toEqual([]);
    expect(outbox.read('bob')).toEqual([]);
  });

  it('still deletes when the storage refuses to keep it, and says so', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const full: OutboxStorage = {
      read: () => [],
      write: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const page = await openPage({ server, outbox: full, undoWindowMs: 0 });
    const outcome = await page.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    expect(outcome.deleted).toEqual(['C2Cbob']);
    expect(page.runtime.deletionState.getState().outboxUnavailable).toBe(true);
  });
});

describe('offline', () => {
  it('keeps the rows hidden while the network is down, and deletes once back online', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const page = await openPage({ server, outbox, undoWindowMs: 0 });
    server.setOnline(false);
    const outcome = await page.runtime.deleteConversations(['C2Cbob', 'C2Ccarol'], {
      clearHistory: false,
    });
    // No failure: not yet.
    expect(outcome.failed).toEqual([]);
    expect(outcome.waitingForNetwork).toEqual(['C2Cbob', 'C2Ccarol']);
    expect(page.listed()).toEqual(['C2Calice', 'C2Cdave']);
    expect([...page.runtime.deletionState.getState().waitingForNetwork]).toEqual([
      'C2Cbob',
      'C2Ccarol',
    ]);
    expect(outbox.read('alice').map((entry) => entry.conversationIDs)).toEqual([
      ['C2Cbob', 'C2Ccarol'],
    ]);
    expect(server.calls).toEqual([]);

    // Back online: sent at once (the adapter says so), not at the end of the backoff.
    server.setOnline(true);
    for (let round = 0; round < 5 && server.calls.length === 0; round += 1) await nextTask();
    await nextTask();
    expect(deletedOnServer(server)).toEqual(['C2Cbob', 'C2Ccarol']);
    expect(server.calls).toHaveLength(1);
    expect(page.runtime.deletionState.getState().waitingForNetwork.size).toBe(0);
    expect(page.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
    expect(page.runtime.deletionState.getState().lastOutcome?.deleted).toEqual([
      'C2Cbob',
      'C2Ccarol',
    ]);
    expect(outbox.read('alice')).toEqual([]);
    expect(page.listed()).toEqual(['C2Calice', 'C2Cdave']);
  });

  it('tries again by itself after a backoff when nothing says the network is back', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server, undoWindowMs: 0 });
    // Only this call fails for the network; the adapter never reports being offline.
    server.failNext({ call: 'reject', code: 2800 });
    const outcome = await page.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    expect(outcome.waitingForNetwork).toEqual(['C2Cbob']);
    // The first retry comes after 0.5 to 1 s.
    await wait(1100);
    expect(deletedOnServer(server)).toEqual(['C2Cbob']);
    expect(page.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
  });

  it('still rolls back a refusal that is not about the network', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const page = await openPage({ server, outbox, undoWindowMs: 0 });
    server.failNext({ conversationIDs: ['C2Cbob'], code: 2024 });
    const outcome = await page.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
    expect(outcome.failed.map((result) => result.conversationID)).toEqual(['C2Cbob']);
    expect(outcome.waitingForNetwork).toBeUndefined();
    expect(page.listed()).toContain('C2Cbob');
    expect(outbox.read('alice')).toEqual([]);
  });

  it('takes any failure for the network while the browser says it is offline', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const page = await openPage({ server, undoWindowMs: 0 });
    // An SDK cut off mid-call may answer with any code: 2024 here, while navigator.onLine is false.
    server.failNext({ conversationIDs: ['C2Cbob'], code: 2024 });
    vi.stubGlobal('navigator', { onLine: false });
    try {
      const outcome = await page.runtime.deleteConversations(['C2Cbob'], { clearHistory: false });
      expect(outcome.failed).toEqual([]);
      expect(outcome.waitingForNetwork).toEqual(['C2Cbob']);
      expect(page.listed()).not.toContain('C2Cbob');
    } finally {
      vi.unstubAllGlobals();
    }
    // Back online (the backend's connection says so): sent again, and deleted.
    server.setOnline(false);
    server.setOnline(true);
    for (let round = 0; round < 5 && deletedOnServer(server).length === 0; round += 1) {
      await nextTask();
    }
    expect(deletedOnServer(server)).toEqual(['C2Cbob']);
  });

  it('takes any failure for the network while the backend reports its connection down', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const inner = server.connect('phone');
    const connectionListeners = new Set<(online: boolean) => void>();
    const adapter: ChatAdapter = {
      ...inner,
      capabilities: inner.capabilities,
      subscribeToConnection(listener) {
        connectionListeners.add(listener);
        return () => connectionListeners.delete(listener);
      },
    };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const runtime = createConversationKitRuntime({
      adapter,
      queryClient,
      store: createConversationStore(),
      outboxStorage: null,
    });
    const disconnect = runtime.connect();
    await queryClient.fetchQuery({ ...runtime.queryOptions });
    for (const listener of connectionListeners) listener(false);
    server.failNext({ conversationIDs: ['C2Ccarol'], code: 2024 });
    const outcome = await runtime.deleteConversations(['C2Ccarol'], { clearHistory: true });
    expect(outcome.failed).toEqual([]);
    expect(outcome.waitingForNetwork).toEqual(['C2Ccarol']);

    // Connected again, the retry meets the same refusal: now it is one, and the row comes back.
    server.failNext({ conversationIDs: ['C2Ccarol'], code: 2024 });
    for (const listener of connectionListeners) listener(true);
    for (let round = 0; round < 5 && runtime.deletionState.getState().inFlightIDs.size > 0; ) {
      round += 1;
      await nextTask();
    }
    expect(
      runtime.deletionState.getState().lastOutcome?.failed.map((result) => result.code),
    ).toEqual([2024]);
    expect(
      (queryClient.getQueryData<Conversation[]>(runtime.queryKey) ?? []).map(
        (item) => item.conversationID,
      ),
    ).toContain('C2Ccarol');
    disconnect();
  });

  it('keeps a deletion that waits for the network across a reload', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const outbox = createMemoryOutbox();
    const first = await openPage({ server, outbox, undoWindowMs: 0 });
    server.setOnline(false);
    await first.runtime.deleteConversations(['C2Cdave'], { clearHistory: true });
    first.disconnect();
    server.setOnline(true);

    const reloaded = await openPage({ server, outbox: reloadedStorage(outbox) });
    expect(reloaded.hiddenAtStart).toEqual(['C2Cdave']);
    for (let round = 0; round < 5 && server.calls.length === 0; round += 1) await nextTask();
    expect(deletedOnServer(server)).toEqual(['C2Cdave']);
    expect(server.calls.filter((call) => call.conversationIDs.includes('C2Cdave'))).toHaveLength(1);
  });
});
