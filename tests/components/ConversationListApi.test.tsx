// @vitest-environment jsdom
// What a host reaches of ConversationList beyond its SPEC props (issue 16, items 3 and 4): a ref
// handle, props passed to its root with composed handlers, slots for its states, toolbar and
// status, controlled and uncontrolled selection, and the state rows are drawn with.
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ComponentProps, type ComponentRef, createRef, type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  ConversationKitProvider,
  ConversationList,
  type ConversationRenderState,
  type ConversationStore,
  createConversationStore,
  createMemoryChatServer,
  type MemoryChatServer,
} from '../../src';
import { people } from '../fixtures';

type ConversationListHandle = ComponentRef<typeof ConversationList>;

function testClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Renders `ui` in a provider on a memory server (default: `people`), without waiting. */
function renderInProvider(
  ui: ReactNode,
  options: { server?: MemoryChatServer; adapter?: ChatAdapter; store?: ConversationStore } = {},
) {
  const server = options.server ?? createMemoryChatServer({ conversations: people });
  const user = userEvent.setup();
  const view = render(
    <ConversationKitProvider
      adapter={options.adapter ?? server.connect('phone')}
      queryClient={testClient()}
      store={options.store}
    >
      {ui}
    </ConversationKitProvider>,
  );
  return { ...view, server, user };
}

/** Renders the list with these props on `people` and waits for its rows. */
async function renderList(props: ComponentProps<typeof ConversationList> = {}) {
  const result = renderInProvider(<ConversationList {...props} />);
  await screen.findAllByRole('row');
  return result;
}

function row(name: RegExp) {
  return screen.getByRole('row', { name });
}

function checkbox(name: string) {
  return screen.getByRole('checkbox', { name: `Select ${name}` }) as HTMLInputElement;
}

/** The IDs of each call, sorted, so that a Set's order does not matter. */
function selections(spy: ReturnType<typeof vi.fn>) {
  return spy.mock.calls.map(([ids]) => [...(ids as ReadonlySet<string>)].sort());
}

describe('a ref to the list', () => {
  it('focus() puts focus on the row that holds the tab stop', async () => {
    const ref = createRef<ConversationListHandle>();
    const { user } = await renderList({ ref });

    act(() => ref.current?.focus());
    expect(document.activeElement).toBe(row(/Team/));

    await user.keyboard('{ArrowDown}{ArrowDown}');
    (document.activeElement as HTMLElement).blur();
    act(() => ref.current?.focus());
    expect(document.activeElement).toBe(row(/Bob/));
  });

  it('focus() on an empty list focuses the grid', async () => {
    const ref = createRef<ConversationListHandle>();
    renderInProvider(<ConversationList ref={ref} />, { server: createMemoryChatServer() });
    await screen.findByText('No conversations yet');

    act(() => ref.current?.focus());
    expect(document.activeElement).toBe(screen.getByRole('grid', { name: 'Conversations' }));
  });

  it('scrollToConversation(id) brings a row far down into the DOM and moves no focus', async () => {
    const server = createMemoryChatServer({ conversations: 300, seed: 7 });
    const store = createConversationStore();
    const ref = createRef<ConversationListHandle>();
    const { user } = renderInProvider(
      <>
        <button type="button">Compose</button>
        <ConversationList ref={ref} />
      </>,
      { server, store },
    );
    await screen.findAllByRole('row');
    const rowAt = (rowIndex: number) =>
      screen
        .queryAllByRole('row')
        .find((item) => item.getAttribute('aria-rowindex') === String(rowIndex));
    // The 251st conversation as the list orders them.
    const farID = store.getState().orderedIDs[250] as string;
    expect(rowAt(251)).toBeUndefined();
    const compose = screen.getByRole('button', { name: 'Compose' });
    await user.click(compose);

    act(() => ref.current?.scrollToConversation(farID));

    expect(rowAt(251)?.dataset.id).toBe(farID);
    expect(document.activeElement).toBe(compose);
    // The tab stop stays with the first row, now out of the DOM: the grid holds it meanwhile.
    expect(screen.getAllByRole('row').some((item) => item.tabIndex === 0)).toBe(false);
    expect(screen.getByRole('grid').tabIndex).toBe(0);
  });

  it('scrollToConversation(id) of an ID not in the list does nothing', async () => {
    const ref = createRef<ConversationListHandle>();
    await renderList({ ref });

    act(() => ref.current?.scrollToConversation('C2Cnobody'));
    expect(screen.getAllByRole('row')).toHaveLength(5);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('props passed to the root element', () => {
  it('puts id, aria-* and data-* on the root, and keeps the grid’s name', async () => {
    renderInProvider(
      <ConversationList
        id="inbox"
        aria-describedby="inbox-help"
        data-testid="inbox-list"
        className="compact"
      />,
    );
    await screen.findAllByRole('row');

    const root = document.getElementById('inbox') as HTMLElement;
    expect(root.getAttribute('aria-describedby')).toBe('inbox-help');
    expect(root.dataset.testid).toBe('inbox-list');
    expect(root.className).toBe('ck-root ck-list compact');
    expect(within(root).getByRole('grid', { name: 'Conversations' })).toBeTruthy();
  });

  it('runs the host’s onKeyDown first; preventDefault keeps the list from leaving selection mode', async () => {
    const onKeyDown = vi.fn((event: React.KeyboardEvent) => {
      if (event.key === 'Escape') event.preventDefault();
    });
    const { user } = await renderList({ onKeyDown });
    await user.click(screen.getByRole('button', { name: 'Select' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Done' }));

    await user.keyboard('{Escape}');

    expect(onKeyDown).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
  });

  it('runs the list’s own handler after a host handler that does not prevent it', async () => {
    const order: string[] = [];
    const onKeyDown = vi.fn((event: React.KeyboardEvent) => {
      // Not handled yet: the host's handler runs first.
      order.push(`host saw defaultPrevented=${event.defaultPrevented}`);
    });
    const { user } = await renderList({ onKeyDown });
    await user.click(screen.getByRole('button', { name: 'Select' }));

    await user.keyboard('{Escape}');

    expect(order).toEqual(['host saw defaultPrevented=false']);
    expect(screen.getByRole('button', { name: 'Select' })).toBeTruthy();
  });

  it('passes other DOM handlers through (onFocus, onClick)', async () => {
    const onFocus = vi.fn();
    const onClick = vi.fn();
    const onConversationOpen = vi.fn();
    const { user } = await renderList({ onFocus, onClick, onConversationOpen });

    await user.click(row(/Bob/));

    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onFocus).toHaveBeenCalled();
    expect(onConversationOpen).toHaveBeenCalledTimes(1);
  });
});

describe('slots', () => {
  it('renderLoading draws the first load', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const inner = server.connect('phone');
    const adapter: ChatAdapter = { ...inner, getConversationList: () => new Promise(() => {}) };
    renderInProvider(<ConversationList renderLoading={() => <p>Fetching chats</p>} />, {
      adapter,
    });

    expect(await screen.findByText('Fetching chats')).toBeTruthy();
    expect(screen.queryByText('Loading conversations…')).toBeNull();
  });

  it('renderError gets the error and a retry that loads the list again', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const inner = server.connect('phone');
    let attempts = 0;
    const adapter: ChatAdapter = {
      ...inner,
      capabilities: inner.capabilities,
      getConversationList: () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new Error('offline')) : inner.getConversationList();
      },
    };
    const { user } = renderInProvider(
      <ConversationList
        renderError={({ error, retry }) => (
          <div role="alert">
            <p>No chats: {error.message}</p>
            <button type="button" onClick={retry}>
              Reload chats
            </button>
          </div>
        )}
      />,
      { adapter },
    );

    expect(await screen.findByText('No chats: offline')).toBeTruthy();
    expect(screen.queryByText('Conversations could not be loaded.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reload chats' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(5));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renderEmpty draws a list without conversations', async () => {
    renderInProvider(<ConversationList renderEmpty={() => <p>Start a chat</p>} />, {
      server: createMemoryChatServer(),
    });

    expect(await screen.findByText('Start a chat')).toBeTruthy();
    expect(screen.queryByText('No conversations yet')).toBeNull();
  });

  it('renderToolbar draws the toolbar with what the kit’s own does', async () => {
    const { user } = await renderList({
      renderToolbar: (toolbar) =>
        toolbar.selectionMode ? (
          <div>
            <span>
              {toolbar.selectedCount} of {toolbar.total}
            </span>
            <button type="button" onClick={toolbar.selectAll}>
              Everything
            </button>
            <button type="button" onClick={toolbar.deleteSelected}>
              Bin them
            </button>
            <button type="button" onClick={toolbar.exitSelectionMode}>
              Stop picking
            </button>
          </div>
        ) : (
          <button type="button" onClick={toolbar.enterSelectionMode}>
            Pick
          </button>
        ),
    });
    expect(screen.queryByRole('button', { name: 'Select' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Pick' }));
    expect(screen.getByText('0 of 5')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Everything' }));
    expect(screen.getByText('5 of 5')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Bin them' }));
    expect(screen.getByRole('alertdialog', { name: 'Delete 5 conversations?' })).toBeTruthy();
  });

  it('toolbar={false} leaves the toolbar out; selection mode is still reachable', async () => {
    const { user } = await renderList({ toolbar: false });

    expect(screen.queryByRole('button', { name: 'Select' })).toBeNull();
    row(/Alice/).focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(checkbox('Alice').checked).toBe(true);
  });

  it('renderStatus draws the announcements, with Retry for what failed', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const { user } = renderInProvider(
      <ConversationList
        renderStatus={(status) => (
          <div>
            <p role="status" data-testid="host-status">
              {status.message}
            </p>
            {status.retry && (
              <button type="button" onClick={status.retry}>
                Send again
              </button>
            )}
            {status.message && (
              <button type="button" onClick={status.dismiss}>
                Hide
              </button>
            )}
          </div>
        )}
      />,
      { server },
    );
    await screen.findAllByRole('row');
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('');

    server.failNext({ conversationIDs: ['C2Cbob'], code: 2999, message: 'Network timeout' });
    await user.click(within(row(/Bob/)).getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        '1 conversation could not be deleted (Chat is not ready yet)',
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Send again' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 1 conversation'),
    );
    expect(server.calls.map((call) => call.conversationIDs)).toEqual([['C2Cbob'], ['C2Cbob']]);
    expect(screen.queryByRole('button', { name: 'Send again' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});

describe('uncontrolled selection', () => {
  it('starts from defaultSelectedIDs and defaultSelectionMode, and reports each change once', async () => {
    const onSelectionChange = vi.fn();
    const onSelectionModeChange = vi.fn();
    const { user } = await renderList({
      defaultSelectionMode: true,
      defaultSelectedIDs: ['C2Cbob', 'C2Ccarol'],
      onSelectionChange,
      onSelectionModeChange,
    });
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(checkbox('Bob').checked).toBe(true);
    expect(checkbox('Carol').checked).toBe(true);
    expect(onSelectionChange).not.toHaveBeenCalled();
    expect(onSelectionModeChange).not.toHaveBeenCalled();

    await user.click(checkbox('Dave'));
    expect(selections(onSelectionChange)).toEqual([['C2Cbob', 'C2Ccarol', 'C2Cdave']]);
    expect(screen.getByText('3 selected')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onSelectionModeChange.mock.calls).toEqual([[false]]);
    expect(selections(onSelectionChange)).toEqual([['C2Cbob', 'C2Ccarol', 'C2Cdave'], []]);
  });

  it('reports the selection when selected rows are deleted', async () => {
    const onSelectionChange = vi.fn();
    const { user } = await renderList({ onSelectionChange });
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(checkbox('Alice'));
    await user.click(checkbox('Bob'));
    onSelectionChange.mockClear();

    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );

    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(selections(onSelectionChange).at(-1)).toEqual([]);
  });
});

/** A host that owns the selection: it takes each change, or (`accept: false`) none. */
function ControlledInbox(props: {
  initial: string[];
  accept: boolean;
  onSelectionChange: (ids: ReadonlySet<string>) => void;
}) {
  const [selectedIDs, setSelectedIDs] = useState<ReadonlySet<string>>(() => new Set(props.initial));
  return (
    <>
      <button type="button" onClick={() => setSelectedIDs(new Set(['C2Cdave']))}>
        Only Dave
      </button>
      <ConversationList
        defaultSelectionMode
        selectedIDs={selectedIDs}
        onSelectionChange={(ids) => {
          props.onSelectionChange(ids);
          if (props.accept) setSelectedIDs(ids);
        }}
      />
    </>
  );
}

describe('controlled selection', () => {
  it('shows a change once the host passes it back, and calls onSelectionChange once for it', async () => {
    const onSelectionChange = vi.fn();
    const { user } = renderInProvider(
      <ControlledInbox initial={['C2Cbob']} accept onSelectionChange={onSelectionChange} />,
    );
    await screen.findAllByRole('row');
    expect(checkbox('Bob').checked).toBe(true);
    expect(onSelectionChange).not.toHaveBeenCalled();

    await user.click(checkbox('Dave'));

    expect(selections(onSelectionChange)).toEqual([['C2Cbob', 'C2Cdave']]);
    expect(checkbox('Dave').checked).toBe(true);
    expect(screen.getByText('2 selected')).toBeTruthy();
  });

  it('follows the host’s value without calling onSelectionChange', async () => {
    const onSelectionChange = vi.fn();
    const { user } = renderInProvider(
      <ControlledInbox initial={['C2Cbob']} accept onSelectionChange={onSelectionChange} />,
    );
    await screen.findAllByRole('row');

    await user.click(screen.getByRole('button', { name: 'Only Dave' }));

    expect(checkbox('Dave').checked).toBe(true);
    expect(checkbox('Bob').checked).toBe(false);
    expect(row(/Dave/).getAttribute('aria-selected')).toBe('true');
    expect(onSelectionChange).not.toHaveBeenCalled();
  });

  it('keeps the host’s value when the host does not take the change', async () => {
    const onSelectionChange = vi.fn();
    const { user } = renderInProvider(
      <ControlledInbox initial={['C2Cbob']} accept={false} onSelectionChange={onSelectionChange} />,
    );
    await screen.findAllByRole('row');

    await user.click(checkbox('Dave'));
    expect(selections(onSelectionChange)).toEqual([['C2Cbob', 'C2Cdave']]);
    expect(checkbox('Dave').checked).toBe(false);
    expect(row(/Dave/).hasAttribute('data-selected')).toBe(false);
    expect(screen.getByText('1 selected')).toBeTruthy();

    await user.click(checkbox('Bob'));
    expect(selections(onSelectionChange)).toEqual([['C2Cbob', 'C2Cdave'], []]);
    expect(checkbox('Bob').checked).toBe(true);

    row(/Carol/).focus();
    await user.keyboard(' ');
    await user.keyboard('{Control>}a{/Control}');
    expect(selections(onSelectionChange).slice(2)).toEqual([
      ['C2Cbob', 'C2Ccarol'],
      ['C2Calice', 'C2Cbob', 'C2Ccarol', 'C2Cdave', 'GROUPteam'],
    ]);
    expect(screen.getByText('1 selected')).toBeTruthy();
    expect(checkbox('Carol').checked).toBe(false);
  });

  it('keeps selection mode when the host owns it and does not leave it', async () => {
    const onSelectionModeChange = vi.fn();
    const { user } = await renderList({ selectionMode: true, onSelectionModeChange });
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Done' }));

    expect(onSelectionModeChange.mock.calls).toEqual([[false]]);
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
    expect(checkbox('Alice')).toBeTruthy();
  });
});

describe('the state rows are drawn with', () => {
  it('says which row is focused and active, and whether the list is in selection mode', async () => {
    const states = new Map<string, ConversationRenderState>();
    const { user } = await renderList({
      activeConversationID: 'C2Cbob',
      renderConversation: (conversation, state) => {
        states.set(conversation.displayName, state);
        return <span>{conversation.displayName}</span>;
      },
    });

    await waitFor(() => expect(states.get('Team')?.focused).toBe(true));
    expect(states.get('Bob')).toEqual({
      selected: false,
      pending: false,
      focused: false,
      active: true,
      selectionMode: false,
    });
    expect(states.get('Alice')?.active).toBe(false);

    row(/Team/).focus();
    await user.keyboard('{ArrowDown}');
    expect(states.get('Alice')?.focused).toBe(true);
    expect(states.get('Team')?.focused).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(checkbox('Carol'));
    expect([...states.values()].every((state) => state.selectionMode)).toBe(true);
    expect(states.get('Carol')).toMatchObject({ selected: true, focused: true });
  });
});
