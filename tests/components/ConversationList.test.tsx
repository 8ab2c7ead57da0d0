// @vitest-environment jsdom
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  type ConversationListProps,
  createMemoryChatServer,
} from '../../src';
import { conversation } from '../fixtures';
import { type RenderListOptions, renderList as renderKitList } from './renderList';

/** Alice is newest (with 3 unread), then Bob, Carol, Dave; Team is pinned and so comes first. */
const people = [
  conversation('C2Calice', 'Alice', 1, { unreadCount: 3 }),
  conversation('C2Cbob', 'Bob', 2),
  conversation('C2Ccarol', 'Carol', 3),
  conversation('C2Cdave', 'Dave', 4),
  conversation('GROUPteam', 'Team', 50, { isPinned: true }),
];

/** Renders the list on a memory server (default: `people`), connected as the phone, and waits for its rows. */
function renderList(props: ConversationListProps = {}, options: Partial<RenderListOptions> = {}) {
  return renderKitList(props, { conversations: people, ...options });
}

/** Enters selection mode, ticks the named rows and confirms deleting them. */
async function selectAndDelete(user: ReturnType<typeof userEvent.setup>, names: string[]) {
  await user.click(screen.getByRole('button', { name: 'Select' }));
  for (const name of names) {
    await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
  }
  await user.click(screen.getByRole('button', { name: /^Delete/ }));
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
}

/** Presses the row's own Delete and confirms. */
async function deleteFromRow(user: ReturnType<typeof userEvent.setup>, name: string) {
  const row = screen.getByRole('row', { name: new RegExp(name) });
  await user.click(within(row).getByRole('button', { name: /^Delete/ }));
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
}

/** Holds every batch call until the test lets it go, so that it can act while chunks are in flight. */
function holdBatchCalls(inner: ChatAdapter) {
  const held: Array<() => void> = [];
  const adapter: ChatAdapter = {
    capabilities: inner.capabilities,
    getConversationList: () => inner.getConversationList(),
    subscribe: (listener) => inner.subscribe(listener),
    deleteConversation: (conversationID) => inner.deleteConversation(conversationID),
    async deleteConversationList(conversationIDs, options) {
      await new Promise<void>((resolve) => held.push(resolve));
      return inner.deleteConversationList(conversationIDs, options);
    },
  };
  return {
    adapter,
    /** Batch calls waiting to be let go. */
    get held() {
      return held.length;
    },
    releaseNext() {
      held.shift()?.();
    },
    releaseAll() {
      for (const release of held.splice(0)) release();
    },
  };
}

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

describe('the conversation list', () => {
  it('is a grid named Conversations that counts every conversation', async () => {
    await renderList();

    expect(grid().getAttribute('aria-rowcount')).toBe('5');
    const rows = within(grid()).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.getAttribute('aria-rowindex'))).toEqual(['1', '2', '3', '4', '5']);
    // Outside selection mode nothing is selectable, so no row says whether it is selected.
    expect(rows.every((row) => !row.hasAttribute('aria-selected'))).toBe(true);
  });

  it('lists the pinned conversation first, then the newest', async () => {
    await renderList();

    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob', 'Carol', 'Dave']);
    expect(screen.getByRole('row', { name: /Team/ }).getAttribute('aria-rowindex')).toBe('1');
    expect(screen.getByRole('row', { name: /Dave/ }).getAttribute('aria-rowindex')).toBe('5');
  });

  it('names each row after its conversation, with its preview, pin and unread count', async () => {
    await renderList();

    expect(screen.getByRole('row', { name: /^Alice Message from Alice/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Alice.*3 unread messages/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /^Team .*Pinned/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('aria-labelledby')).not.toMatch(
      /unread/,
    );
    expect(screen.queryByRole('row', { name: /Bob.*unread/ })).toBeNull();
  });

  it('shows 99+ on the badge but reads the full unread count to screen readers', async () => {
    const server = createMemoryChatServer({
      conversations: [conversation('C2Cerin', 'Erin', 1, { unreadCount: 120 })],
    });
    await renderList({}, { server });

    const row = screen.getByRole('row', { name: /Erin.*120 unread messages/ });
    const badge = row.querySelector('.ck-row-unread') as HTMLElement;
    expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('99+');
  });

  it('reads one unread message in the singular', async () => {
    const server = createMemoryChatServer({
      conversations: [conversation('C2Cerin', 'Erin', 1, { unreadCount: 1 })],
    });
    await renderList({}, { server });

    expect(screen.getByRole('row', { name: /Erin.*1 unread message$/ })).toBeTruthy();
  });

  it('renders a name that looks like HTML as text, never as markup', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const server = createMemoryChatServer({
      conversations: [
        conversation('C2Cmallory', name, 1, {
          lastMessage: { text: '<b>bold</b><script>alert(2)</script>', timestamp: 1 },
        }),
      ],
    });
    const { container } = await renderList({}, { server });

    const row = screen.getByRole('row', { name: /<img src=x onerror=alert\(1\)>/ });
    expect(row.querySelector('.ck-row-name')?.textContent).toBe(name);
    expect(row.querySelector('.ck-row-preview')?.textContent).toBe(
      '<b>bold</b><script>alert(2)</script>',
    );
    expect(container.querySelector('img, b, script')).toBeNull();
  });

  it('renders only the rows in view of a long list, but counts them all', async () => {
    const server = createMemoryChatServer({ conversations: 1000, seed: 3 });
    await renderList({}, { server });

    expect(grid().getAttribute('aria-rowcount')).toBe('1000');
    const rows = within(grid()).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.getAttribute('aria-rowindex')).toBe('1');
  });
});

describe('opening a conversation', () => {
  it('opens the conversation that was clicked', async () => {
    const onConversationOpen = vi.fn();
    const { user } = await renderList({ onConversationOpen });

    await user.click(screen.getByRole('row', { name: /Bob/ }));

    expect(onConversationOpen).toHaveBeenCalledTimes(1);
    expect(onConversationOpen).toHaveBeenCalledWith(
      expect.objectContaining({ conversationID: 'C2Cbob', displayName: 'Bob' }),
    );
  });

  it('opens the focused row with Enter', async () => {
    const onConversationOpen = vi.fn();
    const { user } = await renderList({ onConversationOpen });

    await user.tab(); // Select
    await user.tab(); // the list's tab stop: its first row
    expect(document.activeElement).toBe(screen.getByRole('row', { name: /Team/ }));
    await user.keyboard('{Enter}');

    expect(onConversationOpen).toHaveBeenCalledTimes(1);
    expect(onConversationOpen).toHaveBeenCalledWith(
      expect.objectContaining({ conversationID: 'GROUPteam' }),
    );
  });

  it('does not open a conversation when its Delete button is pressed', async () => {
    const onConversationOpen = vi.fn();
    const { user } = await renderList({ onConversationOpen });

    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));

    expect(onConversationOpen).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog', { name: 'Delete conversation?' })).toBeTruthy();
  });
});

describe('deleting one conversation from its row', () => {
  it('has a Delete button in every row, named after the conversation', async () => {
    await renderList();

    for (const name of ['Team', 'Alice', 'Bob', 'Carol', 'Dave']) {
      const row = screen.getByRole('row', { name: new RegExp(name) });
      expect(within(row).getByRole('button', { name: `Delete ${name}` })).toBeTruthy();
    }
  });

  it('asks to confirm for that row when its Delete button is pressed, deleting nothing yet', async () => {
    const { user, server } = await renderList();

    const row = screen.getByRole('row', { name: /Carol/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(within(dialog).getByText(/Carol/)).toBeTruthy();
    expect(row.getAttribute('data-pending')).toBe('true');
    expect(row.getAttribute('aria-busy')).toBe('true');
    expect(server.calls).toEqual([]);
    expect(grid().getAttribute('aria-rowcount')).toBe('5');
  });

  it('asks to confirm for the focused row when Delete is pressed on it', async () => {
    const { user, server } = await renderList();

    await user.click(screen.getByRole('row', { name: /Dave/ }));
    await user.keyboard('{Delete}');

    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(within(dialog).getByText(/Dave/)).toBeTruthy();
    expect(server.calls).toEqual([]);
  });

  it('asks to confirm for the focused row when Backspace is pressed on it', async () => {
    const { user } = await renderList();

    await user.click(screen.getByRole('row', { name: /Bob/ }));
    await user.keyboard('{Backspace}');

    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(within(dialog).getByText(/Bob/)).toBeTruthy();
  });

  it('deletes the row once confirmed, keeping its history, and says so', async () => {
    const onConversationsDeleted = vi.fn();
    const { user, server } = await renderList({ onConversationsDeleted });

    const row = screen.getByRole('row', { name: /Alice/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(status().textContent).toBe('Deleted 1 conversation'));
    expect(screen.queryByRole('row', { name: /Alice/ })).toBeNull();
    expect(grid().getAttribute('aria-rowcount')).toBe('4');
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Calice'],
        clearMessage: false,
      },
    ]);
    expect(onConversationsDeleted).toHaveBeenCalledTimes(1);
    expect(onConversationsDeleted).toHaveBeenCalledWith(['C2Calice'], { origin: 'local' });
  });

  it('gives the focus to the row that took its place, once the shorter list is shown', async () => {
    const { user } = await renderList();

    await deleteFromRow(user, 'Alice');

    expect(screen.queryByRole('row', { name: /Alice/ })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('row', { name: /Bob/ })),
    );
  });

  it('leaves the focus where it was put while the shorter list was being shown', async () => {
    const { user } = await renderList();

    await deleteFromRow(user, 'Alice');
    const select = screen.getByRole('button', { name: 'Select' });
    act(() => select.focus());

    await waitFor(() => expect(status().textContent).toBe('Deleted 1 conversation'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(document.activeElement).toBe(select);
  });

  it('keeps every row when the confirmation is cancelled', async () => {
    const { user, server } = await renderList();

    const row = screen.getByRole('row', { name: /Alice/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(row.getAttribute('data-pending')).toBeNull();
    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob', 'Carol', 'Dave']);
    expect(server.calls).toEqual([]);
  });
});

describe('after swiping a row open', () => {
  it('marks only that row open', async () => {
    const { store } = await renderList();

    act(() => store.getState().openSwipe('C2Cbob'));

    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('data-swipe')).toBe('open');
    for (const name of ['Team', 'Alice', 'Carol', 'Dave']) {
      expect(screen.getByRole('row', { name: new RegExp(name) }).getAttribute('data-swipe')).toBe(
        'closed',
      );
    }
  });

  it('keeps one row open at a time', async () => {
    const { store } = await renderList();

    act(() => store.getState().openSwipe('C2Cbob'));
    act(() => store.getState().openSwipe('C2Ccarol'));

    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('data-swipe')).toBe('closed');
    expect(screen.getByRole('row', { name: /Carol/ }).getAttribute('data-swipe')).toBe('open');
  });

  it('closes it with Escape', async () => {
    const { store, user } = await renderList();
    const row = screen.getByRole('row', { name: /Bob/ });

    act(() => store.getState().openSwipe('C2Cbob'));
    act(() => row.focus());
    await user.keyboard('{Escape}');

    expect(row.getAttribute('data-swipe')).toBe('closed');
    expect(store.getState().openSwipeID).toBeNull();
  });

  it('closes it with a click elsewhere on the page', async () => {
    const { store, user } = await renderList();
    const outside = document.createElement('button');
    outside.textContent = 'Elsewhere';
    document.body.append(outside);

    act(() => store.getState().openSwipe('C2Cbob'));
    await user.click(outside);

    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('data-swipe')).toBe('closed');
    outside.remove();
  });

  it('closes it with a tap on another row', async () => {
    const { store, user } = await renderList();

    act(() => store.getState().openSwipe('C2Cbob'));
    await user.click(screen.getByRole('row', { name: /Dave/ }));

    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('data-swipe')).toBe('closed');
    expect(store.getState().openSwipeID).toBeNull();
  });

  it('puts the row back on a tap on it, instead of opening the conversation', async () => {
    const onConversationOpen = vi.fn();
    const { store, user } = await renderList({ onConversationOpen });
    const row = screen.getByRole('row', { name: /Bob/ });

    act(() => store.getState().openSwipe('C2Cbob'));
    await user.click(row.querySelector('.ck-row-name') as HTMLElement);

    expect(row.getAttribute('data-swipe')).toBe('closed');
    expect(onConversationOpen).not.toHaveBeenCalled();
  });

  it('asks to confirm when the revealed Delete is pressed, and closes the row once deleted', async () => {
    const { store, user } = await renderList();
    const row = screen.getByRole('row', { name: /Bob/ });

    act(() => store.getState().openSwipe('C2Cbob'));
    await user.click(within(row).getByRole('button', { name: 'Delete Bob' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(within(dialog).getByText(/Bob/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Bob/ })).toBeNull());
    expect(store.getState().openSwipeID).toBeNull();
  });

  it('closes it on entering selection mode', async () => {
    const { store, user } = await renderList();

    act(() => store.getState().openSwipe('C2Cbob'));
    await user.click(screen.getByRole('button', { name: 'Select' }));

    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('data-swipe')).toBe('closed');
  });

  it('closes it when another device deletes that conversation', async () => {
    const { store, server } = await renderList();

    act(() => store.getState().openSwipe('C2Cbob'));
    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cbob');
    });

    await waitFor(() => expect(screen.queryByRole('row', { name: /Bob/ })).toBeNull());
    expect(store.getState().openSwipeID).toBeNull();
  });
});

describe('entering selection mode', () => {
  it('replaces Select with Done, which takes the focus', async () => {
    const { user } = await renderList();

    await user.click(screen.getByRole('button', { name: 'Select' }));

    const done = screen.getByRole('button', { name: 'Done' });
    expect(document.activeElement).toBe(done);
    expect(screen.queryByRole('button', { name: 'Select' })).toBeNull();
    expect(grid().getAttribute('aria-multiselectable')).toBe('true');
  });

  it('gives every row a checkbox named after its conversation, and hides the row Delete buttons', async () => {
    const { user } = await renderList();

    await user.click(screen.getByRole('button', { name: 'Select' }));

    for (const name of ['Team', 'Alice', 'Bob', 'Carol', 'Dave']) {
      const checkbox = screen.getByRole('checkbox', { name: `Select ${name}` });
      expect((checkbox as HTMLInputElement).checked).toBe(false);
      const row = screen.getByRole('row', { name: new RegExp(name) });
      expect(within(row).queryByRole('button')).toBeNull();
      expect(row.getAttribute('aria-selected')).toBe('false');
    }
  });

  it('shows 0 selected, an unchecked Select all and a disabled Delete', async () => {
    const { user } = await renderList();

    await user.click(screen.getByRole('button', { name: 'Select' }));

    expect(screen.getByText('0 selected')).toBeTruthy();
    const selectAll = screen.getByRole('checkbox', { name: 'Select all' }) as HTMLInputElement;
    expect(selectAll.checked).toBe(false);
    expect(selectAll.indeterminate).toBe(false);
    expect((screen.getByRole('button', { name: /^Delete/ }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('starts with a Select-all shortcut: Ctrl+A selects every row', async () => {
    const { user } = await renderList();

    await user.click(screen.getByRole('row', { name: /Bob/ }));
    await user.keyboard('{Control>}a{/Control}');

    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
    expect(screen.getByText('5 selected')).toBeTruthy();
    for (const row of within(grid()).getAllByRole('row')) {
      expect(row.getAttribute('aria-selected')).toBe('true');
    }
  });

  it('enters it with the focused row selected on Shift+Space, as a long press does', async () => {
    const { user } = await renderList();
    const row = screen.getByRole('row', { name: /Carol/ });
    act(() => row.focus());

    await user.keyboard('{Shift>} {/Shift}');

    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
    expect(screen.getByText('1 selected')).toBeTruthy();
    expect(row.getAttribute('aria-selected')).toBe('true');
  });

  it('is not offered when the list is not selectable', async () => {
    const { user } = await renderList({ selectable: false });

    expect(screen.queryByRole('button', { name: 'Select' })).toBeNull();
    await user.click(screen.getByRole('row', { name: /Bob/ }));
    await user.keyboard('{Control>}a{/Control}');

    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByText(/selected/)).toBeNull();
    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('aria-selected')).toBeNull();
  });
});

describe('in selection mode', () => {
  it('toggles a row with its checkbox', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));

    const checkbox = screen.getByRole('checkbox', { name: 'Select Alice' }) as HTMLInputElement;
    await user.click(checkbox);

    expect(checkbox.checked).toBe(true);
    const row = screen.getByRole('row', { name: /Alice/ });
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(row.getAttribute('data-selected')).toBe('true');
    expect(screen.getByText('1 selected')).toBeTruthy();

    await user.click(checkbox);

    expect(checkbox.checked).toBe(false);
    expect(row.getAttribute('aria-selected')).toBe('false');
    expect(row.getAttribute('data-selected')).toBeNull();
    expect(screen.getByText('0 selected')).toBeTruthy();
  });

  it('toggles a row with a click on it, without opening the conversation', async () => {
    const onConversationOpen = vi.fn();
    const { user } = await renderList({ onConversationOpen });
    await user.click(screen.getByRole('button', { name: 'Select' }));

    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(row);

    expect(row.getAttribute('aria-selected')).toBe('true');
    expect((screen.getByRole('checkbox', { name: 'Select Bob' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(onConversationOpen).not.toHaveBeenCalled();

    await user.click(row);

    expect(row.getAttribute('aria-selected')).toBe('false');
    expect(onConversationOpen).not.toHaveBeenCalled();
  });

  it('toggles the focused row with Space', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    const row = screen.getByRole('row', { name: /Carol/ });
    act(() => row.focus());

    await user.keyboard(' ');
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('1 selected')).toBeTruthy();

    await user.keyboard(' ');
    expect(row.getAttribute('aria-selected')).toBe('false');
  });

  it('toggles the focused row with Enter instead of opening it', async () => {
    const onConversationOpen = vi.fn();
    const { user } = await renderList({ onConversationOpen });
    await user.click(screen.getByRole('button', { name: 'Select' }));
    const row = screen.getByRole('row', { name: /Carol/ });
    act(() => row.focus());

    await user.keyboard('{Enter}');

    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(onConversationOpen).not.toHaveBeenCalled();
  });

  it('selects a range with Shift+click, from the last row toggled', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));

    await user.click(screen.getByRole('row', { name: /Alice/ }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('row', { name: /Carol/ }));
    await user.keyboard('{/Shift}');

    expect(screen.getByText('3 selected')).toBeTruthy();
    const selected = within(grid())
      .getAllByRole('row')
      .filter((row) => row.getAttribute('aria-selected') === 'true')
      .map((row) => row.querySelector('.ck-row-name')?.textContent);
    expect(selected).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('selects a range upward with Shift+click too', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));

    await user.click(screen.getByRole('checkbox', { name: 'Select Dave' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('row', { name: /Bob/ }));
    await user.keyboard('{/Shift}');

    expect(screen.getByText('3 selected')).toBeTruthy();
    for (const name of ['Bob', 'Carol', 'Dave']) {
      expect(
        screen.getByRole('row', { name: new RegExp(name) }).getAttribute('aria-selected'),
      ).toBe('true');
    }
    expect(screen.getByRole('row', { name: /Alice/ }).getAttribute('aria-selected')).toBe('false');
  });

  it('selects every row with Ctrl+A', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    act(() => screen.getByRole('row', { name: /Bob/ }).focus());

    await user.keyboard('{Control>}a{/Control}');

    expect(screen.getByText('5 selected')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Select all' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('shows Select all unchecked, mixed, then checked as rows are selected', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    const selectAll = screen.getByRole('checkbox', { name: 'Select all' }) as HTMLInputElement;

    expect(selectAll.checked).toBe(false);
    expect(selectAll.indeterminate).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    expect(selectAll.checked).toBe(false);
    expect(selectAll.indeterminate).toBe(true);

    for (const name of ['Team', 'Alice', 'Carol', 'Dave']) {
      await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
    }
    expect(selectAll.checked).toBe(true);
    expect(selectAll.indeterminate).toBe(false);
    expect(screen.getByText('5 selected')).toBeTruthy();
  });

  it('selects every row with Select all, and none with a second click', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    const selectAll = screen.getByRole('checkbox', { name: 'Select all' }) as HTMLInputElement;

    await user.click(selectAll);
    expect(screen.getByText('5 selected')).toBeTruthy();
    expect(selectAll.checked).toBe(true);

    await user.click(selectAll);
    expect(screen.getByText('0 selected')).toBeTruthy();
    expect(selectAll.checked).toBe(false);
    for (const row of within(grid()).getAllByRole('row')) {
      expect(row.getAttribute('aria-selected')).toBe('false');
    }
  });

  it('selects every row from a mixed Select all', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));

    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));

    expect(screen.getByText('5 selected')).toBeTruthy();
  });

  it('enables Delete once a row is selected', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    const deleteButton = screen.getByRole('button', { name: /^Delete/ }) as HTMLButtonElement;

    expect(deleteButton.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    expect(deleteButton.disabled).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    expect(deleteButton.disabled).toBe(true);
  });

  it('leaves with Done, clearing the selection and giving the focus back to Select', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Carol' }));

    await user.click(screen.getByRole('button', { name: 'Done' }));

    const select = screen.getByRole('button', { name: 'Select' });
    expect(document.activeElement).toBe(select);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(grid().getAttribute('aria-multiselectable')).toBeNull();
    for (const row of within(grid()).getAllByRole('row')) {
      expect(row.getAttribute('aria-selected')).toBeNull();
      expect(row.getAttribute('data-selected')).toBeNull();
    }

    await user.click(select);
    expect(screen.getByText('0 selected')).toBeTruthy();
  });

  it('leaves with Escape, clearing the selection', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('row', { name: /Bob/ }));

    await user.keyboard('{Escape}');

    expect(screen.getByRole('button', { name: 'Select' })).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('aria-selected')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Select' }));
    expect(screen.getByText('0 selected')).toBeTruthy();
  });

  it('asks to confirm the selection with the toolbar Delete', async () => {
    const { user, server } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    for (const name of ['Alice', 'Bob', 'Carol']) {
      await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
    }

    await user.click(screen.getByRole('button', { name: /^Delete/ }));

    expect(screen.getByRole('alertdialog', { name: 'Delete 3 conversations?' })).toBeTruthy();
    expect(server.calls).toEqual([]);
  });

  it('asks to confirm the selection, not the focused row, with the Delete key', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    act(() => screen.getByRole('row', { name: /Dave/ }).focus());

    await user.keyboard('{Delete}');

    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' });
    expect(within(dialog).getByText('2 conversations will be removed from the list.')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Dave/ }).getAttribute('data-pending')).toBeNull();
    expect(screen.getByRole('row', { name: /Alice/ }).getAttribute('data-pending')).toBe('true');
  });

  it('asks nothing with the Delete key while nothing is selected', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    act(() => screen.getByRole('row', { name: /Dave/ }).focus());

    await user.keyboard('{Delete}');

    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('deletes only the confirmed conversations', async () => {
    const onConversationsDeleted = vi.fn();
    const { user, server } = await renderList({ onConversationsDeleted });
    await user.click(screen.getByRole('button', { name: 'Select' }));
    for (const name of ['Carol', 'Alice', 'Bob']) {
      await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
    }
    await user.click(screen.getByRole('button', { name: /^Delete/ }));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete 3 conversations?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(status().textContent).toBe('Deleted 3 conversations'));
    expect(rowNames()).toEqual(['Team', 'Dave']);
    expect(grid().getAttribute('aria-rowcount')).toBe('2');
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
        .map((item) => item.conversationID)
        .sort(),
    ).toEqual(['C2Cdave', 'GROUPteam']);
    expect(onConversationsDeleted).toHaveBeenCalledTimes(1);
    expect(onConversationsDeleted).toHaveBeenCalledWith(['C2Calice', 'C2Cbob', 'C2Ccarol'], {
      origin: 'local',
    });
    expect(screen.getByText('0 selected')).toBeTruthy();
  });
});

describe('announcing outcomes', () => {
  it('has an empty status region before anything happens', async () => {
    await renderList();

    expect(status().textContent).toBe('');
  });

  it('reports the conversations that could not be deleted, keeps them selected, and retries exactly those', async () => {
    const { user, server } = await renderList();
    server.failNext({ conversationIDs: ['C2Cbob', 'C2Ccarol'], code: 2999 });
    await selectAndDelete(user, ['Alice', 'Bob', 'Carol']);

    await waitFor(() =>
      expect(status().textContent).toBe(
        'Deleted 1 conversation. 2 conversations could not be deleted (Chat is not ready yet)',
      ),
    );
    expect(rowNames()).toEqual(['Team', 'Bob', 'Carol', 'Dave']);
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Bob/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('row', { name: /Carol/ }).getAttribute('aria-selected')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(status().textContent).toBe('Deleted 2 conversations'));
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toEqual({
      device: 'phone',
      method: 'deleteConversationList',
      conversationIDs: ['C2Cbob', 'C2Ccarol'],
      clearMessage: false,
    });
    expect(rowNames()).toEqual(['Team', 'Dave']);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('reports a call that failed as a whole, and puts every row back', async () => {
    const { user, server } = await renderList();
    server.failNext({ call: 'reject', code: 2024 });
    await selectAndDelete(user, ['Alice', 'Bob', 'Carol']);

    await waitFor(() =>
      expect(status().textContent).toBe('3 conversations could not be deleted (Not logged in)'),
    );
    expect(rowNames()).toEqual(['Team', 'Alice', 'Bob', 'Carol', 'Dave']);
    expect(screen.getByText('3 selected')).toBeTruthy();
    expect(server.listConversations()).toHaveLength(5);

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(status().textContent).toBe('Deleted 3 conversations'));
    expect(server.calls.map((call) => call.conversationIDs)).toEqual([
      ['C2Calice', 'C2Cbob', 'C2Ccarol'],
      ['C2Calice', 'C2Cbob', 'C2Ccarol'],
    ]);
  });

  it('names the most frequent reason when failures differ', async () => {
    const { user, server } = await renderList();
    server.failNext({ conversationIDs: ['C2Calice'], code: 2999 });
    server.failNext({ conversationIDs: ['C2Cbob', 'C2Ccarol'], code: 2501 });
    await selectAndDelete(user, ['Alice', 'Bob', 'Carol']);

    await waitFor(() =>
      expect(status().textContent).toBe(
        '3 conversations could not be deleted (User or group not found)',
      ),
    );
  });

  it('reports a single conversation that could not be deleted in the singular', async () => {
    const { user, server } = await renderList();
    server.failNext({ conversationIDs: ['C2Cbob'], code: 2999 });

    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );

    await waitFor(() =>
      expect(status().textContent).toBe(
        '1 conversation could not be deleted (Chat is not ready yet)',
      ),
    );
    expect(screen.getByRole('row', { name: /Bob/ })).toBeTruthy();
  });

  it('clears the announcement with Dismiss', async () => {
    const { user } = await renderList();
    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(status().textContent).toBe('Deleted 1 conversation'));

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));

    expect(status().textContent).toBe('');
  });

  it('announces a conversation deleted on another device by name', async () => {
    const onConversationsDeleted = vi.fn();
    const { server } = await renderList({ onConversationsDeleted });

    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cbob');
    });

    await waitFor(() => expect(status().textContent).toBe('Bob was deleted on another device'));
    expect(screen.queryByRole('row', { name: /Bob/ })).toBeNull();
    expect(grid().getAttribute('aria-rowcount')).toBe('4');
    expect(onConversationsDeleted).toHaveBeenCalledTimes(1);
    expect(onConversationsDeleted).toHaveBeenCalledWith(['C2Cbob'], { origin: 'remote' });
    expect(server.calls.every((call) => call.device === 'laptop')).toBe(true);
  });

  it('announces several conversations deleted on another device by count', async () => {
    const onConversationsDeleted = vi.fn();
    const { server } = await renderList({ onConversationsDeleted });

    await act(async () => {
      await server
        .connect('laptop')
        .deleteConversationList(['C2Cbob', 'C2Cdave'], { clearMessage: false });
    });

    await waitFor(() =>
      expect(status().textContent).toBe('2 conversations were deleted on another device'),
    );
    expect(rowNames()).toEqual(['Team', 'Alice', 'Carol']);
    expect(onConversationsDeleted).toHaveBeenCalledTimes(1);
    expect(onConversationsDeleted).toHaveBeenCalledWith(['C2Cbob', 'C2Cdave'], {
      origin: 'remote',
    });
  });

  it('drops a conversation deleted on another device from the selection', async () => {
    const { user, server } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Carol' }));

    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cbob');
    });

    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select Bob' })).toBeNull());
    expect(screen.getByText('1 selected')).toBeTruthy();
    expect((screen.getByRole('button', { name: /^Delete/ }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('calls onConversationsDeleted once per deletion, with its origin', async () => {
    const onConversationsDeleted = vi.fn();
    const { user, server } = await renderList({ onConversationsDeleted });

    await deleteFromRow(user, 'Alice');
    await waitFor(() => expect(status().textContent).toBe('Deleted 1 conversation'));
    await act(async () => {
      await server.connect('laptop').deleteConversation('C2Cdave');
    });
    await waitFor(() => expect(status().textContent).toBe('Dave was deleted on another device'));

    expect(onConversationsDeleted.mock.calls).toEqual([
      [['C2Calice'], { origin: 'local' }],
      [['C2Cdave'], { origin: 'remote' }],
    ]);
  });
});

describe('deleting more conversations than one call takes', () => {
  it('shows progress with a Stop button, and sends no further chunk once stopped', async () => {
    const server = createMemoryChatServer({ conversations: 250, seed: 7 });
    const gate = holdBatchCalls(server.connect('phone'));
    const { user } = await renderList({}, { server, adapter: gate.adapter });
    expect(grid().getAttribute('aria-rowcount')).toBe('250');

    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByText('250 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 250 conversations?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    // Two chunks of 100 are in flight at once (bounded concurrency); the last 50 wait.
    await waitFor(() => expect(gate.held).toBe(2));
    const progress = screen.getByRole('progressbar', { name: 'Deleting 0 of 250' });
    expect(progress.getAttribute('aria-valuemin')).toBe('0');
    expect(progress.getAttribute('aria-valuemax')).toBe('250');
    expect(progress.getAttribute('aria-valuenow')).toBe('0');
    expect(grid().getAttribute('aria-rowcount')).toBe('0');

    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await act(async () => gate.releaseAll());

    await waitFor(() => expect(status().textContent).toBe('Stopped: 200 of 250 deleted'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(server.calls.map((call) => call.conversationIDs.length)).toEqual([100, 100]);
    // The 50 that were never sent are back, still selected.
    expect(grid().getAttribute('aria-rowcount')).toBe('50');
    expect(screen.getByText('50 selected')).toBeTruthy();
    expect(server.listConversations()).toHaveLength(50);

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(gate.held).toBe(1));
    await act(async () => gate.releaseAll());

    await waitFor(() => expect(status().textContent).toBe('Deleted 50 conversations'));
    expect(server.calls.map((call) => call.conversationIDs.length)).toEqual([100, 100, 50]);
    expect(server.listConversations()).toHaveLength(0);
  });

  it('moves the progress bar as each chunk completes', async () => {
    const server = createMemoryChatServer({ conversations: 250, seed: 7 });
    const gate = holdBatchCalls(server.connect('phone'));
    const { user } = await renderList({}, { server, adapter: gate.adapter });
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(gate.held).toBe(2));

    await act(async () => gate.releaseNext());
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100'),
    );
    expect(screen.getByRole('progressbar', { name: 'Deleting 100 of 250' })).toBeTruthy();
    // The first chunk's place in flight went to the last chunk at once.
    await waitFor(() => expect(gate.held).toBe(2));

    await act(async () => gate.releaseNext());
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('200'),
    );
    await act(async () => gate.releaseNext());

    await waitFor(() => expect(status().textContent).toBe('Deleted 250 conversations'));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows progress over a slow connection until every chunk is done', async () => {
    // Slow enough that jsdom's name computation fits between two chunks on a loaded machine.
    const server = createMemoryChatServer({ conversations: 250, seed: 7, latencyMs: 600 });
    const { user } = await renderList({}, { server });

    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );

    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('200'),
    );
    expect(screen.getByRole('progressbar', { name: 'Deleting 200 of 250' })).toBeTruthy();

    await waitFor(() => expect(status().textContent).toBe('Deleted 250 conversations'), {
      timeout: 3_000,
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(server.calls.map((call) => call.conversationIDs.length)).toEqual([100, 100, 50]);
    expect(grid().getAttribute('aria-rowcount')).toBe('0');
  });

  it('shows no progress for a deletion that fits in one call', async () => {
    const server = createMemoryChatServer({ conversations: 100, seed: 7, latencyMs: 40 });
    const { user } = await renderList({}, { server });

    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );

    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(status().textContent).toBe('Deleted 100 conversations'));
  });
});

describe('options', () => {
  it('deletes without asking when confirm is false', async () => {
    const { user, server } = await renderList({ confirm: false });

    const row = screen.getByRole('row', { name: /Bob/ });
    await user.click(within(row).getByRole('button', { name: /^Delete/ }));

    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    await waitFor(() => expect(status().textContent).toBe('Deleted 1 conversation'));
    expect(screen.queryByRole('row', { name: /Bob/ })).toBeNull();
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Cbob'],
        clearMessage: false,
      },
    ]);
  });

  it('deletes the selection without asking when confirm is false, clearing history when that is the default', async () => {
    const { user, server } = await renderList({ confirm: false, defaultClearHistory: true });
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Dave' }));

    await user.click(screen.getByRole('button', { name: /^Delete/ }));

    await waitFor(() => expect(status().textContent).toBe('Deleted 2 conversations'));
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversationList',
        conversationIDs: ['C2Cbob', 'C2Cdave'],
        clearMessage: true,
      },
    ]);
  });

  it('draws custom row content with renderConversation, keeping the row named', async () => {
    const renderConversation = vi.fn((item: Conversation, state: { selected: boolean }) => (
      <span className="custom-row">
        {item.displayName.toUpperCase()} {state.selected ? '(chosen)' : ''}
      </span>
    ));
    const { user, container } = await renderList({ renderConversation });

    const row = screen.getByRole('row', { name: 'Alice' });
    expect(within(row).getByText(/ALICE/)).toBeTruthy();
    expect(container.querySelector('.ck-row-name')).toBeNull();
    expect(container.querySelectorAll('.custom-row')).toHaveLength(5);

    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));

    expect(within(screen.getByRole('row', { name: 'Alice' })).getByText(/\(chosen\)/)).toBeTruthy();
  });

  it('speaks Japanese with locale="ja"', async () => {
    const { user } = await renderList({}, { locale: 'ja' });

    // English first while the Japanese catalogue loads, then Japanese.
    expect(await screen.findByRole('grid', { name: '会話' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '選択' }));
    expect(screen.getByRole('checkbox', { name: 'Aliceを選択' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '完了' })).toBeTruthy();
  });

  it('keeps its rows and selection when the locale changes, and speaks the new one once loaded', async () => {
    const { user, rerender, server, adapter, store, queryClient } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));
    const grid = screen.getByRole('grid', { name: 'Conversations' });

    rerender(
      <ConversationKitProvider
        adapter={adapter}
        queryClient={queryClient}
        store={store}
        locale="zh-CN"
      >
        <ConversationList />
      </ConversationKitProvider>,
    );
    // The Chinese catalogue loads on demand; meanwhile the list stays, in English.
    expect(await screen.findByRole('grid', { name: '会话' })).toBe(grid);
    expect(screen.getByRole('checkbox', { name: '选择Alice' })).toHaveProperty('checked', true);
    expect(server.listConversations()).toHaveLength(people.length);
  });

  it('passes className and style to its root element', async () => {
    const { container } = await renderList({
      className: 'my-list',
      style: { maxWidth: '320px' },
    });

    const root = container.firstElementChild as HTMLElement;
    expect(root.classList.contains('my-list')).toBe(true);
    expect(root.classList.contains('ck-root')).toBe(true);
    expect(root.style.maxWidth).toBe('320px');
    expect(root.contains(grid())).toBe(true);
  });

  it('says so when there are no conversations', async () => {
    const server = createMemoryChatServer({ conversations: [] });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <ConversationKitProvider adapter={server.connect('phone')} queryClient={queryClient}>
        <ConversationList />
      </ConversationKitProvider>,
    );

    expect(await screen.findByText('No conversations yet')).toBeTruthy();
    expect(grid().getAttribute('aria-rowcount')).toBe('0');
    expect((screen.getByRole('button', { name: 'Select' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
