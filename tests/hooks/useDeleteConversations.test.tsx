// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  ConversationKitError,
  createMemoryChatServer,
  type DeletionOutcome,
  useDeleteConversations,
} from '../../src';
import { gateAdapter, people, renderWithKit } from './kitHarness';

async function manyConversations(count: number) {
  const server = createMemoryChatServer({ conversations: count, seed: 11 });
  const gate = gateAdapter(server.connect('phone'));
  const kit = await renderWithKit(() => useDeleteConversations(), {
    server,
    adapter: gate.adapter,
  });
  return { ...kit, gate };
}

describe('deleting 250 selected conversations', () => {
  it('sends 3 calls of 100, 100 and 50 with at most 2 in flight, counting progress', async () => {
    const kit = await manyConversations(300);
    const ids = kit.shownIDs().slice(0, 250);

    let pending: Promise<DeletionOutcome> | undefined;
    act(() => {
      pending = kit.result.current.hook.deleteConversationsAsync(ids, { clearHistory: false });
    });
    await waitFor(() => expect(kit.gate.waiting).toBe(2));
    expect(kit.result.current.hook.progress).toEqual({ done: 0, total: 250, unsent: 50 });
    await waitFor(() => expect(kit.shownIDs()).toHaveLength(50));

    await act(async () => kit.gate.releaseNext());
    await waitFor(() =>
      expect(kit.result.current.hook.progress).toEqual({ done: 100, total: 250, unsent: 0 }),
    );
    await waitFor(() => expect(kit.gate.waiting).toBe(2));
    await act(async () => {
      kit.gate.releaseNext();
      kit.gate.releaseNext();
      await pending;
    });

    expect(kit.gate.maxInFlight).toBe(2);
    expect(kit.server.calls.map((call) => call.conversationIDs.length)).toEqual([100, 100, 50]);
    expect(kit.server.calls.flatMap((call) => call.conversationIDs)).toEqual(ids);
    expect(kit.server.calls.every((call) => call.clearMessage === false)).toBe(true);
    const outcome = await pending;
    expect(outcome?.deleted).toHaveLength(250);
    expect(outcome?.results).toHaveLength(250);
    expect(kit.result.current.hook.progress).toBeNull();
    expect(kit.server.listConversations()).toHaveLength(50);
    expect(kit.deletedCallback).toHaveBeenCalledTimes(3);
    expect(kit.deletedCallback.mock.calls.flatMap(([deleted]) => deleted).sort()).toEqual(
      [...ids].sort(),
    );
  });

  it('sends no further chunk after stop, and puts the unsent rows back, still selected', async () => {
    const kit = await manyConversations(300);
    const ids = kit.shownIDs().slice(0, 250);
    act(() => {
      kit.store.getState().enterSelectionMode();
      kit.store.getState().replaceSelection(ids);
    });

    let pending: Promise<DeletionOutcome> | undefined;
    act(() => {
      pending = kit.result.current.hook.deleteConversationsAsync(ids, { clearHistory: true });
    });
    await waitFor(() => expect(kit.gate.waiting).toBe(2));
    await act(async () => {
      kit.gate.releaseNext();
      kit.result.current.hook.stop();
      kit.gate.releaseNext();
      await pending;
    });

    const outcome = (await pending) as DeletionOutcome;
    expect(kit.server.calls).toHaveLength(2);
    expect(outcome.stopped).toBe(true);
    expect(outcome.deleted).toHaveLength(200);
    expect(outcome.notSent).toEqual(ids.slice(200));
    expect(outcome.failed).toEqual([]);
    await waitFor(() => expect(kit.shownIDs()).toHaveLength(100));
    expect(kit.shownIDs().slice(0, 50)).toEqual(ids.slice(200));
    expect([...kit.store.getState().selectedIDs].sort()).toEqual(ids.slice(200).sort());
    expect(kit.server.listConversations()).toHaveLength(100);
  });
});

describe('when some deletions fail', () => {
  it('puts back exactly the failed rows, in their old place and still selected', async () => {
    const kit = await renderWithKit(() => useDeleteConversations());
    const before = kit.shownIDs();
    const chosen = ['C2Calice', 'C2Cbob', 'C2Ccarol', 'GROUPteam'];
    act(() => {
      kit.store.getState().enterSelectionMode();
      kit.store.getState().replaceSelection(chosen);
    });
    kit.server.failNext({ conversationIDs: ['C2Cbob', 'GROUPteam'], code: 2999 });

    let outcome: DeletionOutcome | undefined;
    await act(async () => {
      outcome = await kit.result.current.hook.deleteConversationsAsync(chosen, {
        clearHistory: true,
      });
    });

    expect(outcome?.deleted).toEqual(['C2Calice', 'C2Ccarol']);
    expect(outcome?.failed.map((result) => [result.conversationID, result.code])).toEqual([
      ['C2Cbob', 2999],
      ['GROUPteam', 2999],
    ]);
    await waitFor(() =>
      expect(kit.shownIDs()).toEqual(before.filter((id) => id !== 'C2Calice' && id !== 'C2Ccarol')),
    );
    expect([...kit.store.getState().selectedIDs].sort()).toEqual(['C2Cbob', 'GROUPteam']);
    expect(kit.result.current.hook.lastOutcome).toBe(outcome);
    expect(kit.deletedCallback).toHaveBeenCalledWith(['C2Calice', 'C2Ccarol'], { origin: 'local' });

    // Retrying sends exactly the failed ones, which now go through.
    await act(async () => {
      await kit.result.current.hook.retryFailedAsync(outcome as DeletionOutcome);
    });
    expect(kit.server.calls.at(-1)?.conversationIDs).toEqual(['C2Cbob', 'GROUPteam']);
    await waitFor(() => expect(kit.shownIDs()).toEqual(['C2Cdave']));
  });

  it('rolls everything back when the whole call is rejected', async () => {
    const kit = await renderWithKit(() => useDeleteConversations());
    const before = kit.shownIDs();
    kit.server.failNext({ call: 'reject', code: 2024 });

    let outcome: DeletionOutcome | undefined;
    await act(async () => {
      outcome = await kit.result.current.hook.deleteConversationsAsync(['C2Cbob', 'C2Cdave'], {
        clearHistory: false,
      });
    });

    expect(outcome?.deleted).toEqual([]);
    expect(outcome?.failed.map((result) => result.code)).toEqual([2024, 2024]);
    await waitFor(() => expect(kit.shownIDs()).toEqual(before));
    expect(kit.server.listConversations()).toHaveLength(people.length);
    expect(kit.deletedCallback).not.toHaveBeenCalled();
  });

  it('rolls back every ID of a call when an adapter rejects instead of reporting per ID', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const inner = server.connect('phone');
    const rejecting: ChatAdapter = {
      ...inner,
      capabilities: inner.capabilities,
      deleteConversationList: () => Promise.reject({ code: 2501, message: 'Offline' }),
    };
    const kit = await renderWithKit(() => useDeleteConversations(), { server, adapter: rejecting });
    const before = kit.shownIDs();

    let outcome: DeletionOutcome | undefined;
    await act(async () => {
      outcome = await kit.result.current.hook.deleteConversationsAsync(['C2Calice', 'C2Cbob'], {
        clearHistory: true,
      });
    });
    expect(outcome?.failed).toEqual([
      { conversationID: 'C2Calice', ok: false, code: 2501, message: 'Offline' },
      { conversationID: 'C2Cbob', ok: false, code: 2501, message: 'Offline' },
    ]);
    await waitFor(() => expect(kit.shownIDs()).toEqual(before));
  });
});

describe('asking twice', () => {
  it('sends the batch once when submitted twice while in flight', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const gate = gateAdapter(server.connect('phone'));
    const kit = await renderWithKit(() => useDeleteConversations(), {
      server,
      adapter: gate.adapter,
    });
    const chosen = ['C2Calice', 'C2Cbob'];

    let first: Promise<DeletionOutcome> | undefined;
    let second: Promise<DeletionOutcome> | undefined;
    act(() => {
      first = kit.result.current.hook.deleteConversationsAsync(chosen, { clearHistory: true });
      second = kit.result.current.hook.deleteConversationsAsync([...chosen, 'C2Ccarol'], {
        clearHistory: true,
      });
    });
    await waitFor(() => expect(gate.waiting).toBe(2));
    await act(async () => {
      gate.releaseNext();
      gate.releaseNext();
      await Promise.all([first, second]);
    });

    expect((await second)?.skipped).toEqual(chosen);
    expect(server.calls.map((call) => call.conversationIDs)).toEqual([chosen, ['C2Ccarol']]);
    expect(kit.deletedCallback).toHaveBeenCalledTimes(2);
  });
});

describe('bad input', () => {
  it.each([
    ['an empty list', [], 'EMPTY_SELECTION'],
    ['a malformed ID', ['C2Calice', 'Bob'], 'INVALID_CONVERSATION_ID'],
    ['a non-string ID', ['C2Calice', 7], 'INVALID_CONVERSATION_ID'],
    ['an ID not in the list', ['C2Calice', 'C2Cmallory'], 'UNKNOWN_CONVERSATION_ID'],
  ])('refuses %s with a typed error and deletes nothing', async (_label, ids, code) => {
    const kit = await renderWithKit(() => useDeleteConversations());
    let error: unknown;
    await act(async () => {
      error = await kit.result.current.hook
        .deleteConversationsAsync(ids as string[], { clearHistory: true })
        .catch((caught: unknown) => caught);
    });
    expect(error).toBeInstanceOf(ConversationKitError);
    expect((error as ConversationKitError).code).toBe(code);
    expect(kit.server.calls).toEqual([]);
    expect(kit.shownIDs()).toHaveLength(people.length);
    expect(kit.deletionState.getState().inFlightIDs.size).toBe(0);
  });

  it('sends repeated IDs once', async () => {
    const kit = await renderWithKit(() => useDeleteConversations());
    await act(async () => {
      await kit.result.current.hook.deleteConversationsAsync(['C2Calice', 'C2Cbob', 'C2Calice'], {
        clearHistory: true,
      });
    });
    expect(kit.server.calls.map((call) => call.conversationIDs)).toEqual([['C2Calice', 'C2Cbob']]);
  });
});

describe('leaving the screen during a batch', () => {
  it('finishes what was confirmed, warns about nothing and loses no other row', async () => {
    const errors = vi.spyOn(console, 'error');
    const kit = await manyConversations(300);
    const ids = kit.shownIDs().slice(0, 250);

    let pending: Promise<DeletionOutcome> | undefined;
    act(() => {
      pending = kit.result.current.hook.deleteConversationsAsync(ids, { clearHistory: true });
    });
    await waitFor(() => expect(kit.gate.waiting).toBe(2));
    kit.unmount();
    kit.gate.releaseNext();
    kit.gate.releaseNext();
    await waitFor(() => expect(kit.gate.waiting).toBe(1));
    kit.gate.releaseNext();
    const outcome = await pending;

    expect(outcome?.deleted).toHaveLength(250);
    const left = kit.server.listConversations().map((item) => item.conversationID);
    expect(left).toHaveLength(50);
    expect(left.some((id) => ids.includes(id))).toBe(false);
    expect(errors).not.toHaveBeenCalled();
  });
});
