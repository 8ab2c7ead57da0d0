// @vitest-environment jsdom
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  ConversationKitProvider,
  createConversationStore,
  createMemoryChatServer,
  DeleteConversationDialog,
  DeleteConversationDialogCancel,
  DeleteConversationDialogRoot,
  useDeletionRequest,
} from '../../src';
import { conversation, people, silenceExpectedRenderErrors } from '../fixtures';

/** A host's own button that asks to delete, as an app using the dialog without the list would. */
function AskToDelete(props: { conversationIDs: string[] }) {
  const { requestDeletion } = useDeletionRequest();
  return (
    <button type="button" onClick={() => requestDeletion(props.conversationIDs)}>
      Delete chat
    </button>
  );
}

/**
 * A host's own confirmation from the parts: its own title and wording, Delete before Cancel, and
 * the clear-history choice below the buttons.
 */
function HostDialog(props: { onDeleted?: () => void }) {
  const { pendingDeletion } = useDeletionRequest();
  const count = pendingDeletion?.conversationIDs.length ?? 0;
  return (
    <DeleteConversationDialog.Root onDeleted={props.onDeleted}>
      <DeleteConversationDialog.Content className="host-dialog">
        <DeleteConversationDialog.Title>
          {count > 1 ? `Remove ${count} chats?` : 'Remove this chat?'}
        </DeleteConversationDialog.Title>
        <DeleteConversationDialog.Description />
        <div className="host-buttons">
          <DeleteConversationDialog.Action>Remove</DeleteConversationDialog.Action>
          <DeleteConversationDialog.Cancel>Keep</DeleteConversationDialog.Cancel>
        </div>
        <DeleteConversationDialog.ClearHistory />
      </DeleteConversationDialog.Content>
    </DeleteConversationDialog.Root>
  );
}

/** Renders `ui` next to a button asking to delete `conversationIDs`, once the list is loaded. */
async function renderWithRequest(
  conversationIDs: string[],
  ui: ReactNode,
  options: { adapter?: ChatAdapter; server?: ReturnType<typeof createMemoryChatServer> } = {},
) {
  const server = options.server ?? createMemoryChatServer({ conversations: people });
  const adapter = options.adapter ?? server.connect('phone');
  const store = createConversationStore();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <ConversationKitProvider adapter={adapter} queryClient={queryClient} store={store}>
      <AskToDelete conversationIDs={conversationIDs} />
      {ui}
    </ConversationKitProvider>,
  );
  // The list loads behind the dialog; a request names only conversations in it.
  const count = server.listConversations().length;
  await waitFor(() => expect(store.getState().orderedIDs).toHaveLength(count));
  /** Presses the host's button that asks to delete. */
  const ask = () => user.click(screen.getByRole('button', { name: 'Delete chat' }));
  return { server, store, user, ask };
}

describe('a confirmation the host composes from the parts', () => {
  it('is an alert dialog named by the host’s title, with Cancel focused whatever the order', async () => {
    const { ask } = await renderWithRequest(['C2Cbob'], <HostDialog />);

    await ask();

    const dialog = screen.getByRole('alertdialog', {
      name: 'Remove this chat?',
      description: /Your conversation with Bob will be removed from the list\./,
    });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('data-state')).toBe('open');
    expect(dialog.classList.contains('host-dialog')).toBe(true);
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Remove', 'Keep']);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep' }));
  });

  it('deletes with the history cleared when the person ticks the box', async () => {
    const onDeleted = vi.fn();
    const { ask, user, server } = await renderWithRequest(
      ['C2Cbob'],
      <HostDialog onDeleted={onDeleted} />,
    );
    await ask();
    const dialog = screen.getByRole('alertdialog', { name: 'Remove this chat?' });

    await user.click(within(dialog).getByRole('checkbox', { name: 'Also clear chat history' }));
    expect(within(dialog).getByText(/cannot be recovered/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversation',
        conversationIDs: ['C2Cbob'],
        clearMessage: true,
      },
    ]);
    expect(server.historyLength('C2Cbob')).toBe(0);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('deletes several keeping their history when the box stays unticked', async () => {
    const { ask, user, server } = await renderWithRequest(['C2Calice', 'C2Cbob'], <HostDialog />);
    await ask();

    const dialog = screen.getByRole('alertdialog', {
      name: 'Remove 2 chats?',
      description: /2 conversations will be removed/,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]).toEqual({
      device: 'phone',
      method: 'deleteConversationList',
      conversationIDs: ['C2Calice', 'C2Cbob'],
      clearMessage: false,
    });
    expect(server.historyLength('C2Calice')).toBe(1);
  });

  it('deletes nothing on the host’s Cancel or on Escape, and gives focus back', async () => {
    const { ask, user, server, store } = await renderWithRequest(['C2Cbob'], <HostDialog />);
    await ask();

    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete chat' }));

    await ask();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(store.getState().pendingDeletion).toBeNull();
    expect(server.calls).toEqual([]);
  });

  it('lets the host’s onClick run first and keep the default from happening', async () => {
    const onAction = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const onCancel = vi.fn();
    const { ask, user, server } = await renderWithRequest(
      ['C2Cbob'],
      <DeleteConversationDialog.Root>
        <DeleteConversationDialog.Content>
          <DeleteConversationDialog.Title />
          <DeleteConversationDialog.Description />
          <DeleteConversationDialog.Cancel onClick={onCancel} />
          <DeleteConversationDialog.Action onClick={onAction} />
        </DeleteConversationDialog.Content>
      </DeleteConversationDialog.Root>,
    );
    await ask();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });

    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    expect(server.calls).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('lets the host keep it open on Escape with preventDefault', async () => {
    const { ask, user } = await renderWithRequest(
      ['C2Cbob'],
      <DeleteConversationDialog onCancel={(event) => event.preventDefault()} />,
    );
    await ask();

    await user.keyboard('{Escape}');

    expect(screen.getByRole('alertdialog', { name: 'Delete conversation?' })).toBeTruthy();
  });

  it('isolates the name it says in a <bdi>, with its own description', async () => {
    const server = createMemoryChatServer({
      conversations: [...people, conversation('C2Claila', 'ليلى منصور', 6)],
    });
    const { ask } = await renderWithRequest(
      ['C2Claila'],
      <DeleteConversationDialog.Root>
        <DeleteConversationDialog.Content>
          <DeleteConversationDialog.Title />
          <DeleteConversationDialog.Description />
        </DeleteConversationDialog.Content>
      </DeleteConversationDialog.Root>,
      { server },
    );
    await ask();

    const dialog = screen.getByRole('alertdialog', {
      name: 'Delete conversation?',
      description: /Your conversation with ليلى منصور will be removed from the list\./,
    });
    expect(dialog.querySelector('bdi')?.textContent).toBe('ليلى منصور');
  });

  it('offers no choice on a backend that cannot keep history, and says so', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const { ask } = await renderWithRequest(['C2Cbob'], <HostDialog />, {
      server,
      adapter: server.connect('web', { keepHistory: false }),
    });
    await ask();

    const dialog = screen.getByRole('alertdialog', { name: 'Remove this chat?' });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    expect(within(dialog).getByText(/deleted from this device and the server too/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Remove' }).dataset.variant).toBe(
      'destructive',
    );
  });
});

describe('the parts', () => {
  it('forward their refs to the element each renders', async () => {
    const refs = {
      content: createRef<HTMLDialogElement>(),
      title: createRef<HTMLHeadingElement>(),
      description: createRef<HTMLDivElement>(),
      historyNote: createRef<HTMLParagraphElement>(),
      clearHistory: createRef<HTMLLabelElement>(),
      cancel: createRef<HTMLButtonElement>(),
      action: createRef<HTMLButtonElement>(),
    };
    const { ask } = await renderWithRequest(
      ['C2Cbob'],
      <DeleteConversationDialog.Root>
        <DeleteConversationDialog.Content ref={refs.content}>
          <DeleteConversationDialog.Title ref={refs.title} />
          <DeleteConversationDialog.Description ref={refs.description}>
            <DeleteConversationDialog.HistoryNote ref={refs.historyNote} />
          </DeleteConversationDialog.Description>
          <DeleteConversationDialog.ClearHistory ref={refs.clearHistory} />
          <DeleteConversationDialog.Cancel ref={refs.cancel} />
          <DeleteConversationDialog.Action ref={refs.action} />
        </DeleteConversationDialog.Content>
      </DeleteConversationDialog.Root>,
    );
    await ask();

    const dialog = screen.getByRole('alertdialog');
    expect(refs.content.current).toBe(dialog);
    expect(refs.title.current).toBe(within(dialog).getByRole('heading'));
    expect(refs.description.current?.id).toBe(dialog.getAttribute('aria-describedby'));
    expect(refs.historyNote.current?.textContent).toMatch(/The messages are kept/);
    expect(refs.clearHistory.current).toBe(
      within(dialog).getByRole('checkbox', { name: 'Also clear chat history' }).closest('label'),
    );
    expect(refs.cancel.current).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(refs.action.current).toBe(within(dialog).getByRole('button', { name: 'Delete' }));
    // Cancel's own ref (for focus on open) and the host's both hold the button.
    expect(document.activeElement).toBe(refs.cancel.current);
  });

  it('forwards the ready-made dialog’s ref to the <dialog>', async () => {
    const ref = createRef<HTMLDialogElement>();
    await renderWithRequest(['C2Cbob'], <DeleteConversationDialog ref={ref} />);

    expect(ref.current).toBe(screen.getByRole('alertdialog', { hidden: true }));
  });

  it('spread other props onto their element, keeping the kit’s classes and contract', async () => {
    const { ask } = await renderWithRequest(
      ['C2Cbob'],
      <DeleteConversationDialog.Root>
        <DeleteConversationDialog.Content id="confirm" data-testid="content" className="mine">
          <DeleteConversationDialog.Title data-size="large" />
          <DeleteConversationDialog.Description />
          <DeleteConversationDialog.Cancel aria-keyshortcuts="Escape" className="quiet" />
          <DeleteConversationDialog.Action title="Deletes it" />
        </DeleteConversationDialog.Content>
      </DeleteConversationDialog.Root>,
    );
    await ask();

    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(dialog.id).toBe('confirm');
    expect(dialog.dataset.testid).toBe('content');
    expect(dialog.className).toBe('ck-root ck-dialog mine');
    expect(within(dialog).getByRole('heading').dataset.size).toBe('large');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(cancel.getAttribute('aria-keyshortcuts')).toBe('Escape');
    expect(cancel.className).toBe('ck-button quiet');
    expect(within(dialog).getByRole('button', { name: 'Delete' }).title).toBe('Deletes it');
  });

  it('throw a clear error outside DeleteConversationDialog.Root', () => {
    silenceExpectedRenderErrors();
    expect(() => render(<DeleteConversationDialogCancel />)).toThrow(
      '`DeleteConversationDialog.Cancel` must be used within `DeleteConversationDialog.Root`',
    );
  });

  it('are exported by name too', () => {
    expect(DeleteConversationDialog.Root).toBe(DeleteConversationDialogRoot);
    expect(DeleteConversationDialog.Cancel).toBe(DeleteConversationDialogCancel);
  });
});
