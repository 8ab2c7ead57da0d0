// @vitest-environment jsdom
// The undo window in the list (issue 15, item 1): the status names the deletion waiting in its
// window beside a button named Undo and the seconds left; Undo or Ctrl/Cmd+Z takes it back and
// nothing is sent; the window stands still while the pointer or focus is on the status; storage
// that refuses to keep the deletion is said once. Every render is inside <StrictMode>.
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  type ChatAdapter,
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  type ConversationListProps,
  createConversationStore,
  createMemoryChatServer,
  type OutboxStorage,
} from '../../src';
import { conversation, people } from '../fixtures';

/** Long enough that no test sees it pass unless it waits for that. */
const LONG_WINDOW_MS = 60_000;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Renders the list with an undo window on a memory server, connected as the phone of the account
 * `alice` (the outbox is kept per account), and waits for its rows.
 */
async function renderUndoList(options: {
  undoWindowMs: number;
  outboxStorage?: OutboxStorage | null;
  conversations?: Conversation[];
  listProps?: ConversationListProps;
}) {
  const server = createMemoryChatServer({ conversations: options.conversations ?? people });
  const inner = server.connect('phone');
  const adapter = { ...inner, capabilities: inner.capabilities, accountID: 'alice' } as ChatAdapter;
  const store = createConversationStore();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <ConversationKitProvider
      adapter={adapter}
      queryClient={queryClient}
      store={store}
      undoWindowMs={options.undoWindowMs}
      outboxStorage={options.outboxStorage}
    >
      <ConversationList {...options.listProps} />
    </ConversationKitProvider>,
  );
  await screen.findAllByRole('row');
  return { server, store, user };
}

type User = ReturnType<typeof userEvent.setup>;

function grid() {
  return screen.getByRole('grid', { name: 'Conversations' });
}

function rowNames(): string[] {
  return within(grid())
    .getAllByRole('row')
    .map((row) => row.querySelector('.ck-row-name')?.textContent ?? '');
}

function status() {
  return screen.getByRole('status');
}

function undoButton() {
  return screen.queryByRole('button', { name: 'Undo' });
}

/** Presses the row's own Delete and confirms. */
async function deleteFromRow(user: User, name: string) {
  const row = screen.getByRole('row', { name: new RegExp(name) });
  await user.click(within(row).getByRole('button', { name: /^Delete/ }));
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
}

/** Enters selection mode, ticks the named rows and confirms deleting them. */
async function selectAndDelete(user: User, names: string[]) {
  await user.click(screen.getByRole('button', { name: 'Select' }));
  for (const name of names) {
    await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
  }
  await user.click(screen.getByRole('button', { name: /^Delete/ }));
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
}

describe('the undo window in the list', () => {
  it('names the deletion beside Undo and the seconds left; Undo restores the row in its place and sends nothing', async () => {
    const { server, user } = await renderUndoList({ undoWindowMs: LONG_WINDOW_MS });
    expect(undoButton()).toBeNull();

    await deleteFromRow(user, 'Bob');
    expect(rowNames()).toEqual(['Team', 'Alice', 'Carol', 'Dave']);
    expect(status().textContent).toBe('Deleted Bob');
    // The name is direction-isolated inside the sentence.
    expect([...status().querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['Bob']);
    const undo = undoButton() as HTMLButtonElement;
    expect(undo).toBeTruthy();
    // The seconds left are text beside it, outside the live region, and describe the button.
    expect(screen.getByText('60 s left to undo')).toBeTruthy();
    expect(status().contains(screen.getByText('60 s left to undo'))).toBe(false);
    expect(undo.getAttribute('aria-describedby')).toBe(screen.getByText(/left to undo/).id);
    // Undo goes away by itself: nothing to dismiss meanwhile.
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();

    await user.click(undo);
    await waitFor(() => expect(status().textContent).toBe('Restored Bob'));
    expect([...status().querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['Bob']);
    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob', 'Carol', 'Dave']);
    expect(undoButton()).toBeNull();
    // The focused Undo went with its window: focus goes back to the list, not the page.
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('row'));
    await wait(50);
    expect(server.calls).toEqual([]);
    expect(server.listConversations()).toHaveLength(5);
  });

  it('takes Undo away once the window has passed, then sends the deletion once and says so', async () => {
    const { server, user } = await renderUndoList({ undoWindowMs: 1_500 });

    await selectAndDelete(user, ['Carol', 'Dave']);
    expect(status().textContent).toBe('Deleted 2 conversations');
    expect(undoButton()).toBeTruthy();
    expect(screen.getByText('2 s left to undo')).toBeTruthy();
    // Once a second, the number goes down.
    await screen.findByText('1 s left to undo', {}, { timeout: 1_500 });
    expect(server.calls).toEqual([]);

    await waitFor(() => expect(undoButton()).toBeNull(), { timeout: 2_000 });
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]?.conversationIDs).toEqual(['C2Ccarol', 'C2Cdave']);
    await waitFor(() => expect(status().textContent).toBe('Deleted 2 conversations'));
    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob']);
    await wait(100);
    expect(server.calls).toHaveLength(1);
  });

  it('stands still while the pointer is on the status, and runs on once it leaves', async () => {
    const { server, user } = await renderUndoList({ undoWindowMs: 400 });

    await deleteFromRow(user, 'Bob');
    await user.hover(status());
    await wait(900);
    expect(server.calls).toEqual([]);
    expect(undoButton()).toBeTruthy();

    await user.unhover(status());
    await waitFor(() => expect(server.calls).toHaveLength(1), { timeout: 2_000 });
    expect(undoButton()).toBeNull();
  });

  it('stands still while focus is on Undo, and runs on when focus moves out by keyboard', async () => {
    const { server, user } = await renderUndoList({ undoWindowMs: 400 });

    await deleteFromRow(user, 'Bob');
    act(() => (undoButton() as HTMLButtonElement).focus());
    await wait(900);
    expect(server.calls).toEqual([]);
    expect(document.activeElement).toBe(undoButton());

    // Shift+Tab leaves the status for the list.
    await user.tab({ shift: true });
    expect(document.activeElement).not.toBe(undoButton());
    await waitFor(() => expect(server.calls).toHaveLength(1), { timeout: 2_000 });
  });

  it('does not leave the window paused when the list unmounts with focus on Undo', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const inner = server.connect('phone');
    const adapter = { ...inner, capabilities: inner.capabilities } as ChatAdapter;
    const user = userEvent.setup();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(
      <ConversationKitProvider adapter={adapter} queryClient={queryClient} undoWindowMs={400}>
        <ConversationList />
      </ConversationKitProvider>,
    );
    await screen.findAllByRole('row');
    await deleteFromRow(user, 'Bob');
    act(() => (undoButton() as HTMLButtonElement).focus());
    await wait(600);
    expect(server.calls).toEqual([]);

    // The provider (and its runtime) stays; only the list goes.
    view.rerender(
      <ConversationKitProvider adapter={adapter} queryClient={queryClient} undoWindowMs={400}>
        <p>Elsewhere</p>
      </ConversationKitProvider>,
    );
    await waitFor(() => expect(server.calls).toHaveLength(1), { timeout: 2_000 });
  });

  it('Ctrl+Z and Cmd+Z in the list take back the latest deletion; with none, the key is left alone', async () => {
    const { server, user } = await renderUndoList({ undoWindowMs: LONG_WINDOW_MS });

    await deleteFromRow(user, 'Bob');
    act(() => screen.getByRole('row', { name: /Alice/ }).focus());
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(status().textContent).toBe('Restored Bob'));
    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob', 'Carol', 'Dave']);

    await deleteFromRow(user, 'Carol');
    expect(status().textContent).toBe('Deleted Carol');
    act(() => screen.getByRole('row', { name: /Alice/ }).focus());
    await user.keyboard('{Meta>}z{/Meta}');
    await waitFor(() => expect(status().textContent).toBe('Restored Carol'));
    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob', 'Carol', 'Dave']);

    // Nothing in its window: the page keeps its own Ctrl+Z.
    const row = screen.getByRole('row', { name: /Alice/ });
    expect(fireEvent.keyDown(row, { key: 'z', ctrlKey: true })).toBe(true);
    await wait(50);
    expect(server.calls).toEqual([]);
  });

  it('Ctrl+Z from the toolbar undoes too, but not from a text field, nor with Shift', async () => {
    const { user } = await renderUndoList({
      undoWindowMs: LONG_WINDOW_MS,
      listProps: {
        renderToolbar: ({ enterSelectionMode }) => (
          <div>
            <input aria-label="Search" />
            <button type="button" onClick={enterSelectionMode}>
              Select
            </button>
          </div>
        ),
      },
    });

    await deleteFromRow(user, 'Bob');
    const search = screen.getByRole('textbox', { name: 'Search' });
    act(() => search.focus());
    expect(fireEvent.keyDown(search, { key: 'z', ctrlKey: true })).toBe(true);
    act(() => screen.getByRole('row', { name: /Alice/ }).focus());
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(undoButton()).toBeTruthy();

    const select = screen.getByRole('button', { name: 'Select' });
    act(() => select.focus());
    expect(fireEvent.keyDown(select, { key: 'z', ctrlKey: true })).toBe(false);
    await waitFor(() => expect(status().textContent).toBe('Restored Bob'));
  });

  it('offers Undo for the most recent of several deletions, each named, and takes them back newest first', async () => {
    const { server, user } = await renderUndoList({ undoWindowMs: LONG_WINDOW_MS });

    await deleteFromRow(user, 'Alice');
    await selectAndDelete(user, ['Carol', 'Dave']);
    expect(status().textContent).toBe('Deleted 2 conversations');
    expect(screen.getAllByRole('button', { name: 'Undo' })).toHaveLength(1);

    await user.click(undoButton() as HTMLButtonElement);
    // The earlier deletion is offered again, still by its name.
    await waitFor(() =>
      expect(status().textContent).toBe('Restored 2 conversations. Deleted Alice'),
    );
    expect(rowNames()).toEqual(['Team', 'Bob', 'Carol', 'Dave']);
    expect(undoButton()).toBeTruthy();

    await user.click(undoButton() as HTMLButtonElement);
    await waitFor(() => expect(status().textContent).toBe('Restored Alice'));
    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob', 'Carol', 'Dave']);
    expect(undoButton()).toBeNull();
    await wait(50);
    expect(server.calls).toEqual([]);
  });

  it('isolates a right-to-left name inside the sentences', async () => {
    const { user } = await renderUndoList({
      undoWindowMs: LONG_WINDOW_MS,
      conversations: [conversation('C2Claila', 'ليلى منصور', 1), ...people],
    });

    await deleteFromRow(user, 'ليلى منصور');
    expect(status().textContent).toBe('Deleted ليلى منصور');
    expect(status().querySelector('bdi')?.textContent).toBe('ليلى منصور');
    await user.click(undoButton() as HTMLButtonElement);
    await waitFor(() => expect(status().textContent).toBe('Restored ليلى منصور'));
    expect(status().querySelector('bdi')?.textContent).toBe('ليلى منصور');
  });

  it('says once that storage could not keep the deletion, and still sends it', async () => {
    const refusing: OutboxStorage = {
      read: () => [],
      write() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const { server, user } = await renderUndoList({ undoWindowMs: 400, outboxStorage: refusing });

    await deleteFromRow(user, 'Bob');
    expect(status().textContent).toBe(
      'Deleted Bob. This deletion could not be kept on this device: keep this page open until it is sent',
    );
    await waitFor(() => expect(server.calls).toHaveLength(1), { timeout: 2_000 });
    // Sent: nothing is at risk any more, and the warning goes with it.
    await waitFor(() => expect(status().textContent).toBe('Deleted 1 conversation'));
  });

  it('gives a host that draws the status the Undo, the seconds and the props that pause', async () => {
    const { server, user } = await renderUndoList({
      undoWindowMs: 400,
      listProps: {
        renderStatus: ({ message, undo, areaProps }) => (
          <div {...areaProps} data-testid="host-area">
            <p role="status">{message}</p>
            {undo && (
              <button type="button" onClick={undo.undo}>
                Undo ({undo.secondsLeft})
              </button>
            )}
          </div>
        ),
      },
    });

    await deleteFromRow(user, 'Bob');
    expect(screen.getByRole('button', { name: 'Undo (1)' })).toBeTruthy();
    await user.hover(screen.getByTestId('host-area'));
    await wait(700);
    expect(server.calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Undo (1)' }));
    await waitFor(() => expect(status().textContent).toBe('Restored Bob'));
    await wait(50);
    expect(server.calls).toEqual([]);
  });
});
