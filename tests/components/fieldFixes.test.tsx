// @vitest-environment jsdom
// Issue 14, the field fixes: each story below went wrong for a real user on the main this issue
// started from. Every test renders inside <StrictMode> (tests/strictMode.setup.ts), as host apps
// do in development; the StrictMode stories also wrap explicitly, so they say so where they matter.
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  type Conversation,
  ConversationKitError,
  ConversationKitProvider,
  ConversationList,
  createConversationKitRuntime,
  createConversationStore,
  createMemoryChatServer,
  type MemoryChatServer,
  useConversations,
  useDeleteConversations,
} from '../../src';
import { ServerPanel } from '../../stories/ServerPanel';
import { conversation, silenceExpectedRenderErrors } from '../fixtures';

const people = [
  conversation('C2Calice', 'Alice', 1),
  conversation('C2Cbob', 'Bob', 2),
  conversation('C2Ccarol', 'Carol', 3),
  conversation('C2Cdave', 'Dave', 4),
];

function testClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/**
 * An adapter whose next list answer is read from the server at once (a snapshot) and handed back
 * only when the test releases it: a refetch that answers with a list older than the events.
 */
function withHeldFetch(inner: ChatAdapter) {
  let held: { release: () => void } | null = null;
  let holdNext = false;
  const adapter: ChatAdapter = {
    ...inner,
    capabilities: inner.capabilities,
    async getConversationList() {
      const snapshot = await inner.getConversationList();
      if (!holdNext) return snapshot;
      holdNext = false;
      await new Promise<void>((resolve) => {
        held = { release: resolve };
      });
      return snapshot;
    },
  };
  return {
    adapter,
    holdNextFetch() {
      holdNext = true;
    },
    get holding() {
      return held !== null;
    },
    release() {
      const current = held;
      held = null;
      current?.release();
    },
  };
}

/**
 * A refetch that reads the list, then hears the laptop delete `conversationID`, then answers with
 * what it read: the answer is older than the deletion and must not bring the row back.
 */
async function refetchWhileLaptopDeletes(options: {
  held: ReturnType<typeof withHeldFetch>;
  queryClient: QueryClient;
  server: MemoryChatServer;
  conversationID: string;
}) {
  const { held, queryClient, server, conversationID } = options;
  held.holdNextFetch();
  let refetch: Promise<unknown> = Promise.resolve();
  act(() => {
    refetch = queryClient.refetchQueries({ queryKey: ['conversation-kit'] });
  });
  await waitFor(() => expect(held.holding).toBe(true));
  await act(async () => {
    await server.connect('laptop').deleteConversation(conversationID);
  });
  await waitFor(() => expect(names()).not.toContain(conversationID));
  await act(async () => {
    held.release();
    await refetch;
  });
}

/** Presses the Delete of the row whose name matches, then Delete in the confirmation. */
async function deleteWithConfirmation(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await user.click(
    within(screen.getByRole('row', { name })).getByRole('button', { name: /^Delete/ }),
  );
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
}

function names(): string[] {
  return screen
    .queryAllByRole('row')
    .map((row) => row.getAttribute('data-id') ?? '')
    .filter(Boolean);
}

// First in the file: no catalogue but English is loaded yet (modules are fresh per file).
describe('provider robustness (item 10)', () => {
  it("renders the host's children in English while a catalogue loads, then in that language", async () => {
    const server = createMemoryChatServer({ conversations: people });
    render(
      <ConversationKitProvider
        adapter={server.connect('phone')}
        queryClient={testClient()}
        locale="zh-CN"
      >
        <p>Host content</p>
        <ConversationList />
      </ConversationKitProvider>,
    );
    // The host's own content is there from the first render, not after the catalogue arrived.
    expect(screen.getByText('Host content')).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Conversations' })).toBeTruthy();
    expect(await screen.findByRole('grid', { name: '会话' })).toBeTruthy();
  });

  it('keeps one fallback QueryClient (and asks the backend once) when the host stops passing its own', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const phone = server.connect('phone');
    let listCalls = 0;
    const adapter: ChatAdapter = {
      ...phone,
      capabilities: phone.capabilities,
      getConversationList: () => {
        listCalls += 1;
        return phone.getConversationList();
      },
    };
    const hostClient = testClient();
    const ui = (client?: QueryClient) => (
      <ConversationKitProvider adapter={adapter} queryClient={client}>
        <ConversationList />
      </ConversationKitProvider>
    );
    const view = render(ui(hostClient));
    await screen.findAllByRole('row');
    expect(listCalls).toBe(1);

    view.rerender(ui(undefined));
    await screen.findAllByRole('row');
    const callsWithFallback = listCalls;
    // The fallback client loads the list once; re-renders reuse it.
    expect(callsWithFallback).toBe(2);
    for (let round = 0; round < 4; round += 1) view.rerender(ui(undefined));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(listCalls).toBe(callsWithFallback);
    expect(names()).toEqual(['C2Calice', 'C2Cbob', 'C2Ccarol', 'C2Cdave']);
  });
});

describe('StrictMode and shared clients (item 6)', () => {
  // StrictMode renders twice and keeps one of the two runtimes; on the main this issue started
  // from, both registered their reconciliation on the shared client, the later one winning.
  for (const moment of ['mount', 'change of adapter'] as const) {
    it(`keeps a conversation deleted on another device during a refetch deleted, under StrictMode (${moment})`, async () => {
      const server = createMemoryChatServer({ conversations: people });
      const first = withHeldFetch(server.connect('phone'));
      const held = moment === 'mount' ? first : withHeldFetch(server.connect('tablet'));
      const queryClient = testClient();
      const ui = (adapter: ChatAdapter) => (
        <StrictMode>
          <ConversationKitProvider adapter={adapter} queryClient={queryClient}>
            <ConversationList />
          </ConversationKitProvider>
        </StrictMode>
      );
      const view = render(ui(first.adapter));
      await screen.findAllByRole('row');
      if (moment === 'change of adapter') {
        view.rerender(ui(held.adapter));
        await screen.findAllByRole('row');
      }

      await refetchWhileLaptopDeletes({ held, queryClient, server, conversationID: 'C2Cbob' });
      expect(names()).toEqual(['C2Calice', 'C2Ccarol', 'C2Cdave']);
    });
  }

  it('keeps reconciling after a second provider on the same adapter and client unmounts', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const held = withHeldFetch(server.connect('phone'));
    const queryClient = testClient();
    const view = render(<TwoLists adapter={held.adapter} queryClient={queryClient} second />);
    await screen.findAllByRole('row');
    view.rerender(<TwoLists adapter={held.adapter} queryClient={queryClient} second={false} />);

    await refetchWhileLaptopDeletes({ held, queryClient, server, conversationID: 'C2Ccarol' });
    expect(names()).toEqual(['C2Calice', 'C2Cbob', 'C2Cdave']);
  });

  it('keeps the rows one provider is deleting out of a refetch the other started', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const phone = server.connect('phone');
    let releaseDelete: () => void = () => {};
    const adapter: ChatAdapter = {
      ...phone,
      capabilities: phone.capabilities,
      async deleteConversationList(ids, options) {
        await new Promise<void>((resolve) => {
          releaseDelete = resolve;
        });
        return phone.deleteConversationList(ids, options);
      },
    };
    const queryClient = testClient();
    let deleteFromSecond: (ids: string[]) => Promise<unknown> = async () => undefined;
    render(
      <>
        <ConversationKitProvider adapter={adapter} queryClient={queryClient}>
          <ConversationList />
        </ConversationKitProvider>
        <ConversationKitProvider adapter={adapter} queryClient={queryClient}>
          <HookProbe
            onRender={(api) => {
              deleteFromSecond = (ids) =>
                api.deleteConversationsAsync(ids, { clearHistory: false });
            }}
          />
        </ConversationKitProvider>
      </>,
    );
    await screen.findAllByRole('row');
    let deletion: Promise<unknown> = Promise.resolve();
    act(() => {
      deletion = deleteFromSecond(['C2Calice']);
    });
    await waitFor(() => expect(names()).not.toContain('C2Calice'));
    // The first provider's list refetches while the second's deletion is still in flight.
    await act(async () => {
      await queryClient.refetchQueries({ queryKey: ['conversation-kit'] });
    });
    expect(names()).not.toContain('C2Calice');
    await act(async () => {
      releaseDelete();
      await deletion;
    });
    expect(names()).toEqual(['C2Cbob', 'C2Ccarol', 'C2Cdave']);
  });

  it('creates a runtime without touching the QueryClient', () => {
    const server = createMemoryChatServer({ conversations: people });
    const queryClient = testClient();
    const setQueryDefaults = vi.spyOn(queryClient, 'setQueryDefaults');
    const setQueryData = vi.spyOn(queryClient, 'setQueryData');
    createConversationKitRuntime({
      adapter: server.connect('phone'),
      queryClient,
      store: createConversationStore(),
    });
    expect(setQueryDefaults).not.toHaveBeenCalled();
    expect(setQueryData).not.toHaveBeenCalled();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});

function ConversationCount() {
  return <span>{useConversations().data?.length ?? ''}</span>;
}

/** Two providers on one adapter and client; the second can be taken away. */
function TwoLists(props: { adapter: ChatAdapter; queryClient: QueryClient; second: boolean }) {
  return (
    <>
      <ConversationKitProvider adapter={props.adapter} queryClient={props.queryClient}>
        <ConversationList />
      </ConversationKitProvider>
      {props.second && (
        <ConversationKitProvider adapter={props.adapter} queryClient={props.queryClient}>
          <ConversationCount />
        </ConversationKitProvider>
      )}
    </>
  );
}

/** Hands the test the batch hook of its provider on every render, and shows the hook's error. */
function HookProbe(props: { onRender: (api: ReturnType<typeof useDeleteConversations>) => void }) {
  const api = useDeleteConversations();
  useConversations();
  props.onRender(api);
  return (
    <p data-testid="hook-error">{api.error ? (api.error as ConversationKitError).code : ''}</p>
  );
}

describe('every failure after the optimistic removal rolls back (item 7)', () => {
  it('refuses an adapter whose batch size is not a positive whole number when the provider starts', () => {
    const server = createMemoryChatServer({ conversations: people });
    const phone = server.connect('phone');
    for (const maxBatchSize of [Number.POSITIVE_INFINITY, 0, 2.5, Number.NaN]) {
      const adapter: ChatAdapter = {
        ...phone,
        capabilities: { keepHistory: true, maxBatchSize },
      };
      // React reports the error it rethrows; the test only wants the error itself.
      silenceExpectedRenderErrors();
      let thrown: unknown;
      try {
        render(
          <ConversationKitProvider adapter={adapter} queryClient={testClient()}>
            <ConversationList />
          </ConversationKitProvider>,
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConversationKitError);
      expect(thrown).toMatchObject({ code: 'INVALID_ADAPTER' });
    }
  });

  it('puts the rows back, settles them and announces it when sending throws', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const phone = server.connect('phone');
    // Valid when the provider starts, broken by the time of the deletion.
    const capabilities = { keepHistory: true, maxBatchSize: 100 };
    const adapter: ChatAdapter = { ...phone, capabilities };
    const onError = vi.fn();
    const user = userEvent.setup();
    render(
      <ConversationKitProvider adapter={adapter} queryClient={testClient()} onError={onError}>
        <ConversationList />
      </ConversationKitProvider>,
    );
    await screen.findAllByRole('row');
    capabilities.maxBatchSize = Number.POSITIVE_INFINITY;

    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(
        /^2 conversations could not be deleted \(.+\)$/,
      ),
    );
    expect(names()).toEqual(['C2Calice', 'C2Cbob', 'C2Ccarol', 'C2Cdave']);
    // Back, still selected, not marked in flight: a later deletion of them is sent.
    expect(screen.getByRole('row', { name: /Alice/ }).getAttribute('aria-busy')).toBeNull();
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toEqual({ refused: false });
    expect(server.calls).toEqual([]);

    capabilities.maxBatchSize = 100;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 2 conversations'),
    );
    expect(names()).toEqual(['C2Ccarol', 'C2Cdave']);
    expect(server.calls).toHaveLength(1);
  });
});

describe('no swallowed errors (item 8)', () => {
  async function renderWithHook(onError = vi.fn()) {
    const server = createMemoryChatServer({ conversations: people });
    let api = {} as ReturnType<typeof useDeleteConversations>;
    render(
      <ConversationKitProvider
        adapter={server.connect('phone')}
        queryClient={testClient()}
        onError={onError}
      >
        <ConversationList />
        <HookProbe
          onRender={(current) => {
            api = current;
          }}
        />
      </ConversationKitProvider>,
    );
    await screen.findAllByRole('row');
    return { server, onError, api: () => api };
  }

  it('announces a refusal, tells onError, and keeps it in the hook state (mutate style)', async () => {
    const { server, onError, api } = await renderWithHook();
    act(() => api().deleteConversations(['C2Cnobody'], { clearHistory: false }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Nothing was deleted: the conversation is no longer in the list',
      ),
    );
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, info] = onError.mock.calls[0] ?? [];
    expect(error).toBeInstanceOf(ConversationKitError);
    expect(error).toMatchObject({ code: 'UNKNOWN_CONVERSATION_ID' });
    expect(info).toEqual({ refused: true });
    await waitFor(() =>
      expect(screen.getByTestId('hook-error').textContent).toBe('UNKNOWN_CONVERSATION_ID'),
    );
    expect(server.calls).toEqual([]);
    expect(names()).toHaveLength(4);
  });

  it('rejects from the Async call, and still announces the refusal once', async () => {
    const { onError, api } = await renderWithHook();
    let rejection: unknown;
    await act(async () => {
      rejection = await api()
        .deleteConversationsAsync([], { clearHistory: false })
        .catch((error: unknown) => error);
    });
    expect(rejection).toMatchObject({ code: 'EMPTY_SELECTION' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe(
      'Nothing was deleted: no conversation was selected',
    );
  });
});

describe('"not found" means already gone (item 9)', () => {
  it('removes the row and reports it deleted when another device deleted it without sync', async () => {
    const server = createMemoryChatServer({ conversations: people, multiClientSync: false });
    const onDeleted = vi.fn();
    const user = userEvent.setup();
    render(
      <ConversationKitProvider adapter={server.connect('laptop')} queryClient={testClient()}>
        <ConversationList onConversationsDeleted={onDeleted} />
      </ConversationKitProvider>,
    );
    await screen.findAllByRole('row');
    // The phone deletes Alice; with sync off, the laptop never hears of it.
    await server.connect('phone').deleteConversation('C2Calice');
    expect(names()).toContain('C2Calice');

    await deleteWithConfirmation(user, /Alice/);

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 1 conversation'),
    );
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(names()).toEqual(['C2Cbob', 'C2Ccarol', 'C2Cdave']);
    expect(onDeleted).toHaveBeenCalledWith(['C2Calice'], { origin: 'local' });
  });
});

describe('a dismissed notice stays dismissed (item 11)', () => {
  it('when the host re-renders with inline messages, and when the locale changes', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const adapter = server.connect('phone');
    const queryClient = testClient();
    const user = userEvent.setup();
    const ui = (locale: 'en' | 'ja') => (
      <ConversationKitProvider
        adapter={adapter}
        queryClient={queryClient}
        locale={locale}
        // A new object every render, as hosts write it.
        messages={{ empty: 'Nothing here' }}
      >
        <ConversationList />
      </ConversationKitProvider>
    );
    const view = render(ui('en'));
    await screen.findAllByRole('row');
    await deleteWithConfirmation(user, /Bob/);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 1 conversation'),
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('status').textContent).toBe('');

    view.rerender(ui('en'));
    view.rerender(ui('en'));
    expect(screen.getByRole('status').textContent).toBe('');
    view.rerender(ui('ja'));
    await screen.findByRole('grid', { name: '会話' });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('re-words a notice still shown when the locale changes', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const adapter = server.connect('phone');
    const queryClient = testClient();
    const user = userEvent.setup();
    const ui = (locale: 'en' | 'ja') => (
      <ConversationKitProvider adapter={adapter} queryClient={queryClient} locale={locale}>
        <ConversationList />
      </ConversationKitProvider>
    );
    const view = render(ui('en'));
    await screen.findAllByRole('row');
    await deleteWithConfirmation(user, /Bob/);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 1 conversation'),
    );
    view.rerender(ui('ja'));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('1件の会話を削除しました'),
    );
  });
});

describe('right-to-left names in sentences (item 5)', () => {
  const arabic = [
    conversation('C2Claila', 'ليلى منصور', 1),
    conversation('C2Cnoa', 'נועה כהן', 2),
    ...people,
  ];

  async function renderArabic(server: MemoryChatServer) {
    render(
      <ConversationKitProvider adapter={server.connect('phone')} queryClient={testClient()}>
        <ConversationList />
      </ConversationKitProvider>,
    );
    await screen.findAllByRole('row');
  }

  it('isolates the name in the announcement of a deletion on another device', async () => {
    const server = createMemoryChatServer({ conversations: arabic });
    await renderArabic(server);
    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Claila');
    });
    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status.textContent).toBe('ليلى منصور was deleted on another device'),
    );
    expect([...status.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual([
      'ليلى منصور',
    ]);
    // A Hebrew name is isolated the same way.
    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cnoa');
    });
    await waitFor(() => expect(status.textContent).toBe('נועה כהן was deleted on another device'));
    expect(status.querySelector('bdi')?.textContent).toBe('נועה כהן');
  });

  it('isolates the name in the dialog, and the reason of a failure', async () => {
    const server = createMemoryChatServer({ conversations: arabic });
    await renderArabic(server);
    const user = userEvent.setup();
    await user.click(
      within(screen.getByRole('row', { name: /ليلى/ })).getByRole('button', { name: /^Delete/ }),
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    const bdi = dialog.querySelector('bdi');
    expect(bdi?.textContent).toBe('ليلى منصور');
    expect(bdi?.parentElement?.textContent).toBe(
      'Your conversation with ليلى منصور will be removed from the list.',
    );
    server.failNext({ conversationIDs: ['C2Claila'], code: 2024 });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status.textContent).toBe('1 conversation could not be deleted (Not logged in)'),
    );
    expect([...status.querySelectorAll('bdi')].map((item) => item.textContent)).toContain(
      'Not logged in',
    );
  });

  it('formats counts for the locale', async () => {
    const many: Conversation[] = Array.from({ length: 1200 }, (_, index) =>
      conversation(`C2Cuser${index}`, `User ${index}`, index + 1),
    );
    const server = createMemoryChatServer({ conversations: many });
    await renderArabic(server);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByText('1,200 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    expect(screen.getByRole('alertdialog', { name: 'Delete 1,200 conversations?' })).toBeTruthy();
  });
});

describe('Escape, then Delete at once (item 12)', () => {
  it('opens the new confirmation and keeps it open, however quick the keys', async () => {
    const server = createMemoryChatServer({ conversations: people });
    render(
      <ConversationKitProvider adapter={server.connect('phone')} queryClient={testClient()}>
        <ConversationList />
      </ConversationKitProvider>,
    );
    await screen.findAllByRole('row');
    // No pause between keys: the former dialog's `close` event (a queued task) arrives after
    // the next request opened it again, as in a browser when the keys come quickly.
    const user = userEvent.setup({ delay: null });
    screen.getByRole('row', { name: /Alice/ }).focus();
    for (let round = 0; round < 5; round += 1) {
      await user.keyboard('{Delete}');
      expect(screen.getByRole('alertdialog', { name: 'Delete conversation?' })).toBeTruthy();
      await user.keyboard('{Escape}{Delete}');
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
      expect(screen.getByRole('alertdialog', { name: 'Delete conversation?' })).toBeTruthy();
      await user.keyboard('{Escape}');
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
      expect(screen.queryByRole('alertdialog')).toBeNull();
    }
    expect(server.calls).toEqual([]);
  });
});

describe('small ones (item 13)', () => {
  it('selects every row with Ctrl+A right after pressing Select (focus on Done)', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const user = userEvent.setup();
    render(
      <ConversationKitProvider adapter={server.connect('phone')} queryClient={testClient()}>
        <ConversationList />
      </ConversationKitProvider>,
    );
    await screen.findAllByRole('row');
    await user.click(screen.getByRole('button', { name: 'Select' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Done' }));
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getByText('4 selected')).toBeTruthy();
    await user.keyboard('{Meta>}a{/Meta}');
    expect(screen.getByText('4 selected')).toBeTruthy();
    // Escape from the toolbar leaves selection mode as it does from the list.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Select' })).toBeTruthy();
  });

  it('counts the server panel\'s delete calls in words that agree ("1 delete call")', async () => {
    const server = createMemoryChatServer({ conversations: people });
    render(<ServerPanel server={server} />);
    expect(screen.getByText(/4 conversations · 0 delete calls received/)).toBeTruthy();
    await server.connect('phone').deleteConversation('C2Calice');
    await waitFor(
      () => expect(screen.getByText(/3 conversations · 1 delete call received/)).toBeTruthy(),
      {
        timeout: 2000,
      },
    );
  });
});
