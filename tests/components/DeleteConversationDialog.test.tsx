// @vitest-environment jsdom
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  ConversationKitProvider,
  ConversationList,
  type ConversationListProps,
  createConversationStore,
  createMemoryChatServer,
  DeleteConversationDialog,
  type DeleteConversationDialogProps,
  type MemoryChatServer,
  useDeletionRequest,
} from '../../src';
import { people } from '../fixtures';

interface RenderOptions {
  server?: MemoryChatServer;
  adapter?: ChatAdapter;
}

/** Renders the list (which holds the dialog) on a memory server with `people`, and waits for its rows. */
async function renderList(props: ConversationListProps = {}, options: RenderOptions = {}) {
  const server = options.server ?? createMemoryChatServer({ conversations: people });
  const adapter = options.adapter ?? server.connect('phone');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const ui = (listProps: ConversationListProps) => (
    <ConversationKitProvider adapter={adapter} queryClient={queryClient}>
      <ConversationList {...listProps} />
    </ConversationKitProvider>
  );
  const view = render(ui(props));
  await screen.findAllByRole('row');
  /** Renders the list again with other props, in the same provider. */
  const rerenderList = (listProps: ConversationListProps) => view.rerender(ui(listProps));
  return { server, adapter, user, rerenderList };
}

/** Presses the Delete button of the named row. */
async function askToDeleteRow(user: ReturnType<typeof userEvent.setup>, name: string) {
  const row = screen.getByRole('row', { name: new RegExp(name) });
  await user.click(within(row).getByRole('button', { name: /^Delete/ }));
}

/** Enters selection mode, ticks the named rows, and presses the toolbar's Delete. */
async function askToDeleteSelection(user: ReturnType<typeof userEvent.setup>, names: string[]) {
  await user.click(screen.getByRole('button', { name: 'Select' }));
  for (const name of names) {
    await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
  }
  await user.click(screen.getByRole('button', { name: /^Delete/ }));
}

function clearHistoryCheckbox() {
  return screen.getByRole('checkbox', { name: 'Also clear chat history' }) as HTMLInputElement;
}

function confirmButton() {
  return within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' });
}

/** The dialog element whether it shows or not (a closed `<dialog>` is hidden from everyone). */
function dialogElement() {
  return screen.getByRole('alertdialog', { hidden: true });
}

describe('asking to delete one conversation', () => {
  it('asks "Delete conversation?" and names the conversation in the body', async () => {
    const { user } = await renderList();

    await askToDeleteRow(user, 'Bob');

    const dialog = screen.getByRole('alertdialog', {
      name: 'Delete conversation?',
      description: /Your conversation with Bob will be removed from the list\./,
    });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('data-state')).toBe('open');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('keeps the history by default, and says the messages are kept', async () => {
    const { user } = await renderList();

    await askToDeleteRow(user, 'Bob');

    expect(clearHistoryCheckbox().checked).toBe(false);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText(/The messages are kept/)).toBeTruthy();
    expect(within(dialog).queryByText(/cannot be recovered/)).toBeNull();
    expect(confirmButton().getAttribute('data-variant')).toBe('danger');
    expect(dialog.getAttribute('data-clear-history')).toBeNull();
  });

  it('says plainly that the history cannot be recovered once "Also clear chat history" is checked', async () => {
    const { user } = await renderList();
    await askToDeleteRow(user, 'Bob');

    await user.click(clearHistoryCheckbox());

    expect(clearHistoryCheckbox().checked).toBe(true);
    const dialog = screen.getByRole('alertdialog');
    expect(
      within(dialog).getByText(
        'The messages will be deleted from this device and the server. They cannot be recovered.',
      ),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/The messages are kept/)).toBeNull();
    expect(confirmButton().getAttribute('data-variant')).toBe('destructive');
    expect(dialog.getAttribute('data-clear-history')).toBe('true');
  });

  it('goes back to keeping the history when the box is unchecked again', async () => {
    const { user } = await renderList();
    await askToDeleteRow(user, 'Bob');

    await user.click(clearHistoryCheckbox());
    await user.click(clearHistoryCheckbox());

    expect(clearHistoryCheckbox().checked).toBe(false);
    expect(confirmButton().getAttribute('data-variant')).toBe('danger');
  });

  it('deletes nothing on Cancel', async () => {
    const { user, server } = await renderList();
    await askToDeleteRow(user, 'Bob');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
    expect(server.calls).toEqual([]);
    expect(screen.getByRole('row', { name: /Bob/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('deletes nothing on Escape', async () => {
    const { user, server } = await renderList();
    await askToDeleteRow(user, 'Bob');

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
    expect(server.calls).toEqual([]);
    expect(screen.getByRole('row', { name: /Bob/ })).toBeTruthy();
  });

  it('deletes nothing on Escape even with "Also clear chat history" checked', async () => {
    const { user, server } = await renderList();
    await askToDeleteRow(user, 'Bob');
    await user.click(clearHistoryCheckbox());

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(server.calls).toEqual([]);
    expect(server.historyLength('C2Cbob')).toBe(1);
  });

  it('starts unchecked again the next time, after a cancelled choice to clear', async () => {
    const { user } = await renderList();
    await askToDeleteRow(user, 'Bob');
    await user.click(clearHistoryCheckbox());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await askToDeleteRow(user, 'Carol');

    expect(screen.getByRole('alertdialog', { description: /Carol/ })).toBeTruthy();
    expect(clearHistoryCheckbox().checked).toBe(false);
  });

  it('deletes through the batch call with clearMessage false when the history is kept', async () => {
    const { user, server } = await renderList();
    await askToDeleteRow(user, 'Bob');

    await user.click(confirmButton());

    await waitFor(() => expect(screen.queryByRole('row', { name: /Bob/ })).toBeNull());
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Cbob'],
        clearMessage: false,
      },
    ]);
    expect(server.historyLength('C2Cbob')).toBe(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 1 conversation'),
    );
  });

  it('closes the modal before it takes its content away, so focus never goes down with it', async () => {
    const { user } = await renderList();
    await askToDeleteRow(user, 'Bob');
    const dialog = dialogElement();
    const order: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && !dialog.hasAttribute('open')) order.push('closed');
        if (record.removedNodes.length > 0) order.push('content removed');
      }
    });
    observer.observe(dialog, { attributes: true, attributeFilter: ['open'], childList: true });

    await user.click(confirmButton());

    await waitFor(() => expect(order).toContain('content removed'));
    observer.disconnect();
    expect(order.indexOf('closed')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('closed')).toBeLessThan(order.indexOf('content removed'));
  });

  it('deletes through deleteConversation when the history is cleared too', async () => {
    const { user, server } = await renderList();
    await askToDeleteRow(user, 'Bob');
    await user.click(clearHistoryCheckbox());

    await user.click(confirmButton());

    await waitFor(() => expect(screen.queryByRole('row', { name: /Bob/ })).toBeNull());
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversation',
        conversationIDs: ['C2Cbob'],
        clearMessage: true,
      },
    ]);
    expect(server.historyLength('C2Cbob')).toBe(0);
  });
});

describe('asking to delete several conversations', () => {
  it('asks "Delete 3 conversations?" and counts them in the body', async () => {
    const { user } = await renderList();

    await askToDeleteSelection(user, ['Alice', 'Bob', 'Carol']);

    const dialog = screen.getByRole('alertdialog', {
      name: 'Delete 3 conversations?',
      description: /3 conversations will be removed from the list\./,
    });
    expect(dialog.getAttribute('data-state')).toBe('open');
    expect(clearHistoryCheckbox().checked).toBe(false);
  });

  it('asks "Delete conversation?" for a selection of one, naming it', async () => {
    const { user } = await renderList();

    await askToDeleteSelection(user, ['Dave']);

    expect(
      screen.getByRole('alertdialog', { name: 'Delete conversation?', description: /Dave/ }),
    ).toBeTruthy();
  });

  it('deletes only the confirmed conversations, keeping their history', async () => {
    const { user, server } = await renderList();
    await askToDeleteSelection(user, ['Carol', 'Alice', 'Bob']);

    await user.click(confirmButton());

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 3 conversations'),
    );
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Calice', 'C2Cbob', 'C2Ccarol'],
        clearMessage: false,
      },
    ]);
    expect(
      server
        .listConversations()
        .map((item) => item.displayName)
        .sort(),
    ).toEqual(['Dave', 'Team']);
    expect(server.historyLength('C2Calice')).toBe(1);
  });

  it('clears their history through the batch call when asked', async () => {
    const { user, server } = await renderList();
    await askToDeleteSelection(user, ['Alice', 'Bob']);
    await user.click(clearHistoryCheckbox());

    await user.click(confirmButton());

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 2 conversations'),
    );
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Calice', 'C2Cbob'],
        clearMessage: true,
      },
    ]);
    expect(server.historyLength('C2Calice')).toBe(0);
  });

  it('keeps the selection when cancelled', async () => {
    const { user, server } = await renderList();
    await askToDeleteSelection(user, ['Alice', 'Bob']);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(server.calls).toEqual([]);
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Alice/ }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('with "Also clear chat history" checked by default', () => {
  it('starts checked, with the warning, when the list says so', async () => {
    const { user } = await renderList({ defaultClearHistory: true });

    await askToDeleteRow(user, 'Bob');

    expect(clearHistoryCheckbox().checked).toBe(true);
    expect(within(screen.getByRole('alertdialog')).getByText(/cannot be recovered/)).toBeTruthy();
    expect(confirmButton().getAttribute('data-variant')).toBe('destructive');
  });

  it('starts checked for a selection too, and unchecked again once the list says otherwise', async () => {
    const { user, rerenderList } = await renderList({ defaultClearHistory: true });
    await askToDeleteSelection(user, ['Alice', 'Bob']);
    expect(clearHistoryCheckbox().checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    rerenderList({ defaultClearHistory: false });
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    expect(clearHistoryCheckbox().checked).toBe(false);
  });

  it('still lets the person keep the history', async () => {
    const { user, server } = await renderList({ defaultClearHistory: true });
    await askToDeleteRow(user, 'Bob');

    await user.click(clearHistoryCheckbox());
    await user.click(confirmButton());

    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]).toEqual({
      device: 'phone',
      method: 'deleteConversationList',
      conversationIDs: ['C2Cbob'],
      clearMessage: false,
    });
  });
});

describe('on a backend that cannot keep history', () => {
  it('offers no choice and says the messages go too', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const { user } = await renderList(
      {},
      { server, adapter: server.connect('web', { keepHistory: false }) },
    );

    await askToDeleteRow(user, 'Bob');

    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    expect(
      within(dialog).getByText(
        'The messages will be deleted from this device and the server too. They cannot be recovered.',
      ),
    ).toBeTruthy();
    expect(confirmButton().getAttribute('data-variant')).toBe('destructive');
    expect(dialog.getAttribute('data-clear-history')).toBe('true');
  });

  it('deletes nothing on Cancel', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const { user } = await renderList(
      {},
      { server, adapter: server.connect('web', { keepHistory: false }) },
    );
    await askToDeleteRow(user, 'Bob');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(server.calls).toEqual([]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('while the confirmation is open, another device', () => {
  it('shrinks it to the conversation that is left when it deletes one of two', async () => {
    const { user, server } = await renderList();
    await askToDeleteSelection(user, ['Alice', 'Bob']);
    expect(screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' })).toBeTruthy();

    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Calice');
    });

    await waitFor(() =>
      expect(
        screen.getByRole('alertdialog', {
          name: 'Delete conversation?',
          description: /Your conversation with Bob/,
        }),
      ).toBeTruthy(),
    );
    expect(screen.getByRole('status').textContent).toBe('Alice was deleted on another device');
  });

  it('closes it, announcing the deletion, when it deletes both', async () => {
    const onConversationsDeleted = vi.fn();
    const { user, server } = await renderList({ onConversationsDeleted });
    await askToDeleteSelection(user, ['Alice', 'Bob']);
    const laptop = server.connect('laptop');

    await act(async () => {
      await laptop.deleteConversation('C2Calice');
    });
    await act(async () => {
      await laptop.deleteConversation('C2Cbob');
    });

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Bob was deleted on another device'),
    );
    expect(server.calls.every((call) => call.device === 'laptop')).toBe(true);
    expect(onConversationsDeleted.mock.calls).toEqual([
      [['C2Calice'], { origin: 'remote' }],
      [['C2Cbob'], { origin: 'remote' }],
    ]);
  });

  it('leaves only what is still there to delete once confirmed', async () => {
    const onConversationsDeleted = vi.fn();
    const { user, server } = await renderList({ onConversationsDeleted });
    await askToDeleteSelection(user, ['Alice', 'Bob', 'Carol']);

    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cbob');
    });
    await waitFor(() =>
      expect(screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' })).toBeTruthy(),
    );
    await user.click(confirmButton());

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 2 conversations'),
    );
    expect(server.calls.filter((call) => call.device === 'phone')).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Calice', 'C2Ccarol'],
        clearMessage: false,
      },
    ]);
    expect(onConversationsDeleted.mock.calls).toEqual([
      [['C2Cbob'], { origin: 'remote' }],
      [['C2Calice', 'C2Ccarol'], { origin: 'local' }],
    ]);
  });

  it('leaves a confirmation for other conversations alone', async () => {
    const { user, server } = await renderList();
    await askToDeleteRow(user, 'Bob');

    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cdave');
    });

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Dave was deleted on another device'),
    );
    expect(
      screen.getByRole('alertdialog', { name: 'Delete conversation?', description: /Bob/ }),
    ).toBeTruthy();
  });
});

/** A host's own button that asks to delete, as an app using the dialog without the list would. */
function AskToDelete(props: { conversationIDs: string[] }) {
  const { requestDeletion } = useDeletionRequest();
  return (
    <button type="button" onClick={() => requestDeletion(props.conversationIDs)}>
      Remove
    </button>
  );
}

/** Renders the dialog on its own, next to a host button asking to delete `conversationIDs`. */
async function renderDialog(
  conversationIDs: string[],
  props: DeleteConversationDialogProps = {},
  options: { adapter?: ChatAdapter; server?: MemoryChatServer } = {},
) {
  const server = options.server ?? createMemoryChatServer({ conversations: people });
  const adapter = options.adapter ?? server.connect('phone');
  const store = createConversationStore();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const view = render(
    <ConversationKitProvider adapter={adapter} queryClient={queryClient} store={store}>
      <AskToDelete conversationIDs={conversationIDs} />
      <DeleteConversationDialog {...props} />
    </ConversationKitProvider>,
  );
  // The list loads behind the dialog; a request names only conversations in it.
  await waitFor(() => expect(store.getState().orderedIDs).toHaveLength(people.length));
  return { ...view, server, adapter, queryClient, store, user };
}

describe('the dialog on its own', () => {
  it('is closed until something asks to delete', async () => {
    await renderDialog(['C2Cbob']);

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
  });

  it('opens for a host button, naming the conversation', async () => {
    const { user } = await renderDialog(['C2Cbob']);

    await user.click(screen.getByRole('button', { name: 'Remove' }));

    expect(
      screen.getByRole('alertdialog', { name: 'Delete conversation?', description: /Bob/ }),
    ).toBeTruthy();
  });

  it('tells the host when it opens and closes, and what was deleted', async () => {
    const onOpenChange = vi.fn();
    const onDeleted = vi.fn();
    const { user, server } = await renderDialog(['C2Cbob', 'C2Cdave'], { onOpenChange, onDeleted });

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(onOpenChange.mock.calls).toEqual([[true]]);
    await user.click(confirmButton());

    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(onDeleted).toHaveBeenCalledWith(
      expect.objectContaining({
        requested: ['C2Cbob', 'C2Cdave'],
        deleted: ['C2Cbob', 'C2Cdave'],
        failed: [],
        clearHistory: false,
      }),
    );
    expect(server.calls).toHaveLength(1);
  });

  it('tells the host it closed on Cancel, and reports no deletion', async () => {
    const onOpenChange = vi.fn();
    const onDeleted = vi.fn();
    const { user, server } = await renderDialog(['C2Cbob'], { onOpenChange, onDeleted });

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(onDeleted).not.toHaveBeenCalled();
    expect(server.calls).toEqual([]);
  });

  it('stays closed while the host says open={false}, and shows once it says true', async () => {
    const { user, rerender, store, adapter, queryClient } = await renderDialog(['C2Cbob'], {
      open: false,
    });

    await user.click(screen.getByRole('button', { name: 'Remove' }));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(store.getState().pendingDeletion?.conversationIDs).toEqual(['C2Cbob']);

    rerender(
      <ConversationKitProvider adapter={adapter} queryClient={queryClient} store={store}>
        <AskToDelete conversationIDs={['C2Cbob']} />
        <DeleteConversationDialog open />
      </ConversationKitProvider>,
    );

    expect(await screen.findByRole('alertdialog', { name: 'Delete conversation?' })).toBeTruthy();
  });

  it('passes className and style to the dialog', async () => {
    const { user } = await renderDialog(['C2Cbob'], {
      className: 'my-dialog',
      style: { maxWidth: '20rem' },
    });

    await user.click(screen.getByRole('button', { name: 'Remove' }));

    const dialog = screen.getByRole('alertdialog');
    expect(dialog.classList.contains('my-dialog')).toBe(true);
    expect(dialog.classList.contains('ck-dialog')).toBe(true);
    expect(dialog.style.maxWidth).toBe('20rem');
  });
});
