// @vitest-environment jsdom
// Edge cases that once went wrong, each told as the smallest story: a backend that cannot keep
// history, a tap on another row while one is swiped open, focus after the toolbar's Delete is
// disabled, and the reason of a failure.
import './domSetup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  type ConversationListProps,
  createMemoryChatServer,
  type MemoryChatServer,
} from '../../src';
import { conversation } from '../fixtures';
import { renderList as renderKitList } from './renderList';

const people = [
  conversation('C2Calice', 'Alice', 1),
  conversation('C2Cbob', 'Bob', 2),
  conversation('C2Ccarol', 'Carol', 3),
  conversation('C2Cdave', 'Dave', 4),
];

function renderList(
  props: ConversationListProps = {},
  options: { server?: MemoryChatServer; adapter?: ChatAdapter } = {},
) {
  return renderKitList(props, { conversations: people, ...options });
}

describe('on a backend that cannot keep history (capabilities.keepHistory false)', () => {
  // The dialog says history goes too: confirming must delete it with the history, not fail
  // silently because the request still carried the default "keep history".
  it('deletes the confirmed conversation, history and all', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const { user } = await renderList(
      {},
      { server, adapter: server.connect('web', { keepHistory: false }) },
    );

    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 1 conversation'),
    );
    expect(server.calls).toEqual([
      {
        device: 'web',
        method: 'deleteConversation',
        conversationIDs: ['C2Cbob'],
        clearMessage: true,
      },
    ]);
  });

  // Same cause without the dialog: `confirm={false}` requests with clearHistory false, and the
  // list's requestDeletion swallows the refusal (`.catch(() => {})` in ConversationList.tsx).
  it('deletes without asking when confirm is false', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const { user } = await renderList(
      { confirm: false },
      { server, adapter: server.connect('web', { keepHistory: false }) },
    );

    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 1 conversation'),
    );
    expect(server.calls).toHaveLength(1);
  });
});

describe('after swiping a row open', () => {
  // The tap that puts an open row back is spent on that, wherever it lands in the list.
  it('only closes the open row on a tap on another row, without opening that one', async () => {
    const onConversationOpen = vi.fn();
    const { store, user } = await renderList({ onConversationOpen });

    act(() => store.getState().openSwipe('C2Cbob'));
    await user.click(screen.getByRole('row', { name: /Dave/ }));

    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('data-swipe')).toBe('closed');
    expect(onConversationOpen).not.toHaveBeenCalled();
  });
});

describe('focus after a confirmed deletion of a selection', () => {
  // The toolbar Delete that opened the dialog is disabled once its rows are gone: focus must
  // land in the list, not on <body>.
  it('keeps the focus inside the list', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('button', { name: /^Delete/ }));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 2 conversations'),
    );
    // Focus moves once the shorter list is painted (a frame later), not with the status text.
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
  });

  // The same drop happens when another device deletes everything a pending confirmation was for.
  it('keeps the focus inside the list when another device empties the confirmation', async () => {
    const { user, server } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));
    await user.click(screen.getByRole('button', { name: /^Delete/ }));

    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Calice');
    });

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // Focus moves once the shorter list is painted (a frame later), not with the status text.
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
  });
});

describe('reporting failures', () => {
  // Failures are reported with their reason, not only their count.
  it('says why a conversation could not be deleted', async () => {
    const { user, server } = await renderList();
    server.failNext({ conversationIDs: ['C2Cbob'], code: 2999, message: 'Network timeout' });

    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/could not be deleted/),
    );
    expect(screen.getByRole('status').textContent).toMatch(/Chat is not ready yet/i);
  });
});
