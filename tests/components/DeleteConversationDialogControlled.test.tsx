// @vitest-environment jsdom
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  ConversationKitProvider,
  type ConversationStore,
  createConversationStore,
  createMemoryChatServer,
  DeleteConversationDialog,
  useConversations,
  useDeletionRequest,
} from '../../src';
import { people } from '../fixtures';

/** A host's own button that asks to delete, as an app using the dialog without the list would. */
function AskToDelete(props: { conversationIDs: string[] }) {
  const { requestDeletion } = useDeletionRequest();
  return (
    <button type="button" onClick={() => requestDeletion(props.conversationIDs)}>
      Remove
    </button>
  );
}

/** Keeps the list loaded while no dialog is rendered yet (the dialog loads it too). */
function LoadedList() {
  useConversations();
  return null;
}

/**
 * A host that controls the dialog with its own `open` state: "Review" opens it and "Dismiss"
 * closes it. It may refuse the dialog's requests to open or to close, as a host would while it
 * shows something else first, or while a form is being saved.
 */
function ControllingHost(props: {
  onOpenChange: (open: boolean) => void;
  conversationIDs: string[];
  refuse?: 'open' | 'close';
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <AskToDelete conversationIDs={props.conversationIDs} />
      <button type="button" onClick={() => setOpen(true)}>
        Review
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Dismiss
      </button>
      <DeleteConversationDialog
        open={open}
        onOpenChange={(next) => {
          props.onOpenChange(next);
          if (props.refuse !== (next ? 'open' : 'close')) setOpen(next);
        }}
      />
    </>
  );
}

/** Renders `ui` in a provider on a memory server with `people`, once the list is loaded. */
async function renderInProvider(ui: React.ReactNode, store: ConversationStore) {
  const server = createMemoryChatServer({ conversations: people });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const adapter = server.connect('phone');
  const inProvider = (children: React.ReactNode) => (
    <ConversationKitProvider adapter={adapter} queryClient={queryClient} store={store}>
      {children}
    </ConversationKitProvider>
  );
  const view = render(inProvider(ui));
  // The list loads behind the dialog; a request names only conversations in it.
  await waitFor(() => expect(store.getState().orderedIDs).toHaveLength(people.length));
  /** Renders other children in the same provider. */
  const rerender = (children: React.ReactNode) => view.rerender(inProvider(children));
  return { server, user, rerender };
}

function dialogElement() {
  return screen.getByRole('alertdialog', { hidden: true });
}

describe('a dialog the host controls', () => {
  it('asks the host to open for a request, and shows once the host says so', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob']} />,
      store,
    );

    await user.click(screen.getByRole('button', { name: 'Remove' }));

    expect(onOpenChange.mock.calls).toEqual([[true]]);
    expect(
      screen.getByRole('alertdialog', { name: 'Delete conversation?', description: /Bob/ }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('does not call onOpenChange on mount, even with a request already waiting', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, rerender } = await renderInProvider(
      <>
        <LoadedList />
        <AskToDelete conversationIDs={['C2Cbob']} />
      </>,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    rerender(
      <>
        <LoadedList />
        <DeleteConversationDialog open={false} onOpenChange={onOpenChange} />
        <DeleteConversationDialog onOpenChange={onOpenChange} />
      </>,
    );
    await act(async () => {});

    expect(onOpenChange).not.toHaveBeenCalled();
    // The uncontrolled one starts open for the waiting request; the controlled one stays shut.
    expect(screen.getAllByRole('alertdialog', { name: 'Delete conversation?' })).toHaveLength(1);
    expect(screen.getAllByRole('alertdialog', { hidden: true })).toHaveLength(2);
  });

  it('stays open, with the person’s choice, when the host refuses a Cancel or Escape', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, server } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob']} refuse="close" />,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('checkbox', { name: 'Also clear chat history' }));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');

    expect(onOpenChange.mock.calls).toEqual([[true], [false], [false]]);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(dialog.getAttribute('data-state')).toBe('open');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(
      (
        within(dialog).getByRole('checkbox', {
          name: 'Also clear chat history',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(store.getState().pendingDeletion).toEqual({
      conversationIDs: ['C2Cbob'],
      clearHistory: true,
    });
    expect(server.calls).toEqual([]);
  });

  it('shows itself again when the browser closes it on its own and the host refuses', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob']} refuse="close" />,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('alertdialog') as HTMLDialogElement;

    // What Chromium does on an Escape right after a cancelled one: close, with no cancel event.
    await act(async () => {
      dialog.close();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('data-state')).toBe('open');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(store.getState().pendingDeletion?.conversationIDs).toEqual(['C2Cbob']);
  });

  it('closes and cancels the request once the host lets it', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, server } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob']} />,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
    expect(store.getState().pendingDeletion).toBeNull();
    expect(server.calls).toEqual([]);
    // Focus went back to what asked for the deletion.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove' }));
  });

  it('cancels the request when the host closes it on its own', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, server } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob']} />,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    // The page behind a modal is inert to the person, not to the host's code.
    act(() => screen.getByRole('button', { name: 'Dismiss' }).click());

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(store.getState().pendingDeletion).toBeNull();
    // The host made the change: it is not told about it.
    expect(onOpenChange.mock.calls).toEqual([[true]]);
    expect(server.calls).toEqual([]);
  });

  it('shows a waiting request once the host opens it, after refusing to open', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob']} refuse="open" />,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(onOpenChange.mock.calls).toEqual([[true]]);
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Review' }));

    expect(
      screen.getByRole('alertdialog', { name: 'Delete conversation?', description: /Bob/ }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    // The host opened it: it is not told about its own change.
    expect(onOpenChange.mock.calls).toEqual([[true]]);
  });

  it('deletes on Delete and asks to close once', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, server } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob', 'C2Cdave']} />,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' })).getByRole(
        'button',
        { name: 'Delete' },
      ),
    );

    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(server.calls[0]).toEqual({
      device: 'phone',
      method: 'deleteConversationList',
      conversationIDs: ['C2Cbob', 'C2Cdave'],
      clearMessage: false,
    });
  });

  it('asks to close once when another device deletes everything it asked about', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, server } = await renderInProvider(
      <ControllingHost onOpenChange={onOpenChange} conversationIDs={['C2Cbob']} />,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cbob');
    });

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
  });
});

describe('a dialog the host keeps open', () => {
  it('shows nothing while nothing is pending, and the next request at once', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, server } = await renderInProvider(
      <>
        <AskToDelete conversationIDs={['C2Cbob']} />
        <DeleteConversationDialog open onOpenChange={onOpenChange} />
      </>,
      store,
    );

    // Open, but with nothing to confirm: out of the top layer, not an empty box.
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
    expect(dialogElement().hasAttribute('open')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    // It was open already: nothing changed for the host.
    expect(onOpenChange).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(onOpenChange.mock.calls).toEqual([[false]]);
    // Still open for the host; nothing left to show.
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogElement().getAttribute('data-state')).toBe('closed');
  });
});

describe('an uncontrolled dialog', () => {
  it('tells the host of each change once, under StrictMode, and not on mount', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user } = await renderInProvider(
      <>
        <AskToDelete conversationIDs={['C2Cbob']} />
        <DeleteConversationDialog onOpenChange={onOpenChange} />
      </>,
      store,
    );
    expect(onOpenChange).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onOpenChange.mock.calls).toEqual([[true], [false], [true], [false]]);
  });

  it('cancels when the browser closes it on its own', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user, server } = await renderInProvider(
      <>
        <AskToDelete conversationIDs={['C2Cbob']} />
        <DeleteConversationDialog onOpenChange={onOpenChange} />
      </>,
      store,
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('alertdialog') as HTMLDialogElement;

    await act(async () => {
      dialog.close();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    expect(dialog.open).toBe(false);
    expect(dialog.getAttribute('data-state')).toBe('closed');
    expect(store.getState().pendingDeletion).toBeNull();
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove' }));
    expect(server.calls).toEqual([]);
  });

  it('starts open with defaultOpen and shows the first request at once', async () => {
    const onOpenChange = vi.fn();
    const store = createConversationStore();
    const { user } = await renderInProvider(
      <>
        <AskToDelete conversationIDs={['C2Cbob']} />
        <DeleteConversationDialog defaultOpen onOpenChange={onOpenChange} />
      </>,
      store,
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove' }));

    expect(screen.getByRole('alertdialog', { name: 'Delete conversation?' })).toBeTruthy();
    expect(onOpenChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange.mock.calls).toEqual([[false]]);
  });
});
