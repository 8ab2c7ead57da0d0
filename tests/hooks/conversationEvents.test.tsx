// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  ConversationKitProvider,
  createMemoryChatServer,
  type DeletionOutcome,
  useConversationEvents,
  useConversations,
  useDeleteConversation,
  useDeletionRequest,
} from '../../src';
import { silenceExpectedRenderErrors } from '../fixtures';
import { createTestQueryClient, gateAdapter, people, renderWithKit } from './kitHarness';

describe('a deletion on another device', () => {
  it('removes the row, its selection and its open swipe, and is reported once as remote', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const kit = await renderWithKit(() => null, { server });
    act(() => {
      kit.store.getState().openSwipe('C2Cbob');
    });
    const laptop = server.connect('laptop');

    await act(async () => {
      await laptop.deleteConversationList(['C2Cbob'], { clearMessage: false });
    });

    await waitFor(() => expect(kit.shownIDs()).not.toContain('C2Cbob'));
    expect(kit.store.getState().openSwipeID).toBeNull();
    expect(kit.deletedCallback).toHaveBeenCalledTimes(1);
    expect(kit.deletedCallback).toHaveBeenCalledWith(['C2Cbob'], { origin: 'remote' });

    act(() => {
      kit.store.getState().enterSelectionMode();
      kit.store.getState().replaceSelection(['C2Calice', 'C2Ccarol']);
    });
    await act(async () => {
      await laptop.deleteConversation('C2Calice');
    });
    expect([...kit.store.getState().selectedIDs]).toEqual(['C2Ccarol']);
    expect(kit.store.getState().orderedIDs).not.toContain('C2Calice');
  });

  it('shrinks a pending confirmation, and closes it when nothing is left', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const kit = await renderWithKit(() => useDeletionRequest(), { server });
    const laptop = server.connect('laptop');
    act(() => {
      kit.result.current.hook.requestDeletion(['C2Calice', 'C2Cbob']);
    });
    expect(kit.result.current.hook.pendingDeletion?.conversationIDs).toEqual([
      'C2Calice',
      'C2Cbob',
    ]);

    await act(async () => {
      await laptop.deleteConversation('C2Calice');
    });
    expect(kit.result.current.hook.pendingDeletion?.conversationIDs).toEqual(['C2Cbob']);

    await act(async () => {
      await laptop.deleteConversation('C2Cbob');
    });
    expect(kit.result.current.hook.pendingDeletion).toBeNull();
    await act(async () => {
      expect(await kit.result.current.hook.confirmAsync()).toBeNull();
    });
    expect(server.calls.filter((call) => call.device === 'phone')).toEqual([]);
  });

  it('is never a failure when it lands while this device is deleting the same conversation', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const gate = gateAdapter(server.connect('phone'));
    const kit = await renderWithKit(() => useDeleteConversation(), {
      server,
      adapter: gate.adapter,
    });
    const laptop = server.connect('laptop');

    let pending: Promise<DeletionOutcome> | undefined;
    act(() => {
      pending = kit.result.current.hook.deleteConversationAsync('C2Ccarol', { clearHistory: true });
    });
    await act(async () => {
      await laptop.deleteConversation('C2Ccarol');
    });
    await act(async () => {
      gate.releaseNext();
      await pending;
    });

    const outcome = (await pending) as DeletionOutcome;
    // The phone's own call found nothing left to delete on the server.
    expect(outcome.results).toEqual([
      { conversationID: 'C2Ccarol', ok: false, code: 2500, message: 'Conversation not found' },
    ]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.deleted).toEqual(['C2Ccarol']);
    await waitFor(() => expect(kit.shownIDs()).not.toContain('C2Ccarol'));
    expect(kit.deletedCallback).toHaveBeenCalledTimes(1);
    expect(kit.deletedCallback).toHaveBeenCalledWith(['C2Ccarol'], { origin: 'remote' });
  });

  it('does not reach this device when multi-client sync is off', async () => {
    const server = createMemoryChatServer({ conversations: people, multiClientSync: false });
    const kit = await renderWithKit(() => null, { server });
    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Calice');
    });
    expect(kit.shownIDs()).toContain('C2Calice');
    expect(kit.deletedCallback).not.toHaveBeenCalled();
  });
});

describe('useConversationEvents', () => {
  it('hears each deletion once with its origin, and every update', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const events: ConversationEvent[] = [];
    const kit = await renderWithKit(
      () => {
        useConversationEvents((event) => events.push(event));
        return useDeleteConversation();
      },
      { server },
    );

    await act(async () => {
      await kit.result.current.hook.deleteConversationAsync('C2Calice', { clearHistory: false });
      await server.connect('laptop').deleteConversation('C2Cbob');
    });
    act(() => server.receiveMessage('C2Calice', 'Back again'));

    expect(
      events.map((event) => (event.type === 'conversationsDeleted' ? event : event.type)),
    ).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'local' },
      { type: 'conversationsDeleted', conversationIDs: ['C2Cbob'], origin: 'remote' },
      'conversationsUpdated',
    ]);
    await waitFor(() => expect(kit.shownIDs()[1]).toBe('C2Calice'));
  });
});

const commitProbe = { committed: false };
/** Notes when its tree first commits. */
function CommitProbe() {
  useLayoutEffect(() => {
    commitProbe.committed = true;
  }, []);
  return null;
}

function ConversationCount() {
  const { data } = useConversations();
  return <p>{data?.length ?? 'loading'}</p>;
}

describe('useConversations', () => {
  it('lists pinned conversations first, then the newest message first', async () => {
    const kit = await renderWithKit(() => null);
    expect(kit.shownIDs()).toEqual(['GROUPteam', 'C2Calice', 'C2Cbob', 'C2Ccarol', 'C2Cdave']);
  });

  it('moves a conversation up when a message arrives', async () => {
    const server = createMemoryChatServer({ conversations: people, now: () => 1_800_000_000_000 });
    const kit = await renderWithKit(() => null, { server });
    act(() => server.receiveMessage('C2Cdave', 'Lunch?'));
    await waitFor(() =>
      expect(kit.shownIDs()).toEqual(['GROUPteam', 'C2Cdave', 'C2Calice', 'C2Cbob', 'C2Ccarol']),
    );
    expect(kit.result.current.conversations.data?.[1]?.lastMessage?.text).toBe('Lunch?');
  });

  it('uses the QueryClient of a surrounding QueryClientProvider when given none', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const hostClient = createTestQueryClient();
    const { result } = renderHook(() => useConversations(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={hostClient}>
          <ConversationKitProvider adapter={server.connect()}>{children}</ConversationKitProvider>
        </QueryClientProvider>
      ),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const cached = hostClient
      .getQueryCache()
      .findAll({ queryKey: ['conversation-kit', 'conversations'] });
    expect(cached).toHaveLength(1);
    expect(cached[0]?.state.data).toHaveLength(people.length);
  });

  it('keeps two devices apart on one QueryClient', async () => {
    const server = createMemoryChatServer({ conversations: people, multiClientSync: false });
    const shared = createTestQueryClient();
    render(
      <>
        <ConversationKitProvider adapter={server.connect('phone')} queryClient={shared}>
          <ConversationCount />
        </ConversationKitProvider>
        <ConversationKitProvider adapter={server.connect('laptop')} queryClient={shared}>
          <ConversationCount />
        </ConversationKitProvider>
      </>,
    );
    await waitFor(() => expect(screen.getAllByText('5')).toHaveLength(2));
    await act(async () => {
      await server.connect('phone').deleteConversation('C2Calice');
    });
    await waitFor(() => expect(screen.getByText('4')).toBeTruthy());
    expect(screen.getByText('5')).toBeTruthy();
  });

  it('asks the backend once, while the list first renders, not after its first commit', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const phone = server.connect('phone');
    commitProbe.committed = false;
    const askedAfterCommit: boolean[] = [];
    const adapter = {
      ...phone,
      getConversationList: () => {
        askedAfterCommit.push(commitProbe.committed);
        return phone.getConversationList();
      },
    };
    const view = render(
      <ConversationKitProvider adapter={adapter} queryClient={createTestQueryClient()}>
        <ConversationCount />
        <CommitProbe />
      </ConversationKitProvider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('5'));
    expect(askedAfterCommit).toEqual([false]);
  });

  it('retries a failed first load as the QueryClient says', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const phone = server.connect('phone');
    let calls = 0;
    const adapter = {
      ...phone,
      getConversationList: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('offline')) : phone.getConversationList();
      },
    };
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: 1, retryDelay: 0 } },
    });
    const view = render(
      <ConversationKitProvider adapter={adapter} queryClient={queryClient}>
        <ConversationCount />
      </ConversationKitProvider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('5'));
    expect(calls).toBe(2);
  });

  it('explains itself when used outside the provider', () => {
    silenceExpectedRenderErrors();
    expect(() => renderHook(() => useConversations())).toThrow(
      '`useConversations` must be used within `ConversationKitProvider`',
    );
  });
});

describe('confirming a pending deletion', () => {
  it('runs the single flow with the chosen clear-history setting', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const kit = await renderWithKit(() => useDeletionRequest(), { server });
    act(() => {
      kit.result.current.hook.requestDeletion(['C2Cbob']);
    });
    expect(kit.result.current.hook.pendingDeletion).toEqual({
      conversationIDs: ['C2Cbob'],
      clearHistory: false,
    });
    act(() => kit.result.current.hook.setClearHistory(true));
    await act(async () => {
      await kit.result.current.hook.confirmAsync();
    });
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversation',
        conversationIDs: ['C2Cbob'],
        clearMessage: true,
      },
    ]);
    expect(kit.result.current.hook.pendingDeletion).toBeNull();
  });

  it('deletes nothing when cancelled', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const kit = await renderWithKit(() => useDeletionRequest(), { server });
    act(() => {
      kit.result.current.hook.requestDeletion(['C2Cbob', 'C2Calice']);
    });
    act(() => kit.result.current.hook.cancelDeletion());
    await act(async () => {
      expect(await kit.result.current.hook.confirmAsync()).toBeNull();
    });
    expect(server.calls).toEqual([]);
  });
});
