// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConversationKitError, createMemoryChatServer, useDeleteConversation } from '../../src';
import { gateAdapter, people, renderWithKit, settle } from './kitHarness';

describe('deleting Alice on her own', () => {
  it('clears her history through deleteConversation when asked to', async () => {
    const kit = await renderWithKit(() => useDeleteConversation());
    const historyBefore = kit.server.historyLength('C2Calice');
    expect(historyBefore).toBe(1);

    let outcome:
      | Awaited<ReturnType<typeof kit.result.current.hook.deleteConversationAsync>>
      | undefined;
    await act(async () => {
      outcome = await kit.result.current.hook.deleteConversationAsync('C2Calice', {
        clearHistory: true,
      });
    });

    expect(kit.server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversation',
        conversationIDs: ['C2Calice'],
        clearMessage: true,
      },
    ]);
    expect(kit.server.historyLength('C2Calice')).toBe(0);
    expect(outcome?.deleted).toEqual(['C2Calice']);
    expect(outcome?.failed).toEqual([]);
    expect(kit.shownIDs()).not.toContain('C2Calice');
  });

  it('keeps her history through the list call with clearMessage false', async () => {
    const kit = await renderWithKit(() => useDeleteConversation());

    await act(async () => {
      await kit.result.current.hook.deleteConversationAsync('C2Calice', { clearHistory: false });
    });

    expect(kit.server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Calice'],
        clearMessage: false,
      },
    ]);
    expect(kit.server.historyLength('C2Calice')).toBe(1);
    // A new message brings her back with the old history.
    act(() => kit.server.receiveMessage('C2Calice', 'Still there?'));
    expect(kit.server.historyLength('C2Calice')).toBe(2);
    await waitFor(() =>
      expect(kit.shownIDs()).toEqual(['GROUPteam', 'C2Calice', 'C2Cbob', 'C2Ccarol', 'C2Cdave']),
    );
  });

  it('takes her row out at once and puts it back in place when the deletion fails', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const gate = gateAdapter(server.connect('phone'));
    const kit = await renderWithKit(() => useDeleteConversation(), {
      server,
      adapter: gate.adapter,
    });
    const before = kit.shownIDs();
    server.failNext({ conversationIDs: ['C2Cbob'], code: 2999, message: 'Network timeout' });

    let pending: Promise<unknown> | undefined;
    act(() => {
      pending = kit.result.current.hook.deleteConversationAsync('C2Cbob', { clearHistory: true });
    });
    // The server has not answered yet: the row is gone before it does.
    await waitFor(() => expect(kit.shownIDs()).not.toContain('C2Cbob'));
    expect(kit.deletionState.getState().inFlightIDs.has('C2Cbob')).toBe(true);
    expect(gate.waiting).toBe(1);

    await act(async () => {
      gate.releaseNext();
      await pending;
    });
    await waitFor(() => expect(kit.shownIDs()).toEqual(before));
    expect(kit.deletionState.getState().inFlightIDs.size).toBe(0);
    expect(kit.result.current.hook.outcome?.failed).toEqual([
      { conversationID: 'C2Cbob', ok: false, code: 2999, message: 'Network timeout' },
    ]);
    expect(kit.deletedCallback).not.toHaveBeenCalled();
  });

  it('sends one deletion when asked twice while the first is in flight', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const gate = gateAdapter(server.connect('phone'));
    const kit = await renderWithKit(() => useDeleteConversation(), {
      server,
      adapter: gate.adapter,
    });

    let first: Promise<unknown> | undefined;
    let second: Promise<{ skipped: string[] }> | undefined;
    act(() => {
      first = kit.result.current.hook.deleteConversationAsync('C2Calice', { clearHistory: true });
      second = kit.result.current.hook.deleteConversationAsync('C2Calice', { clearHistory: true });
    });
    expect((await second)?.skipped).toEqual(['C2Calice']);
    await waitFor(() => expect(gate.waiting).toBe(1));
    await act(async () => {
      gate.releaseNext();
      await first;
    });
    expect(server.calls).toHaveLength(1);
    expect(kit.deletedCallback).toHaveBeenCalledTimes(1);
    expect(kit.deletedCallback).toHaveBeenCalledWith(['C2Calice'], { origin: 'local' });
  });

  it.each([
    ['a display name instead of an ID', 'Alice', 'INVALID_CONVERSATION_ID'],
    ['a conversation not in the list', 'C2Cmallory', 'UNKNOWN_CONVERSATION_ID'],
  ])('refuses %s before calling the backend', async (_label, id, code) => {
    const kit = await renderWithKit(() => useDeleteConversation());
    let error: unknown;
    await act(async () => {
      error = await kit.result.current.hook
        .deleteConversationAsync(id, { clearHistory: true })
        .catch((caught: unknown) => caught);
    });
    expect(error).toBeInstanceOf(ConversationKitError);
    expect((error as ConversationKitError).code).toBe(code);
    expect(kit.server.calls).toEqual([]);
    expect(kit.shownIDs()).toHaveLength(people.length);
    await settle();
  });

  it('refuses to keep history on a backend that cannot, rather than clearing it', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const kit = await renderWithKit(() => useDeleteConversation(), {
      server,
      adapter: server.connect('web', { keepHistory: false }),
    });
    let error: unknown;
    await act(async () => {
      error = await kit.result.current.hook
        .deleteConversationAsync('C2Calice', { clearHistory: false })
        .catch((caught: unknown) => caught);
    });
    expect((error as ConversationKitError).code).toBe('INVALID_ARGUMENT');
    expect(server.calls).toEqual([]);
    expect(server.historyLength('C2Calice')).toBe(1);
  });
});
