// @vitest-environment jsdom
// A host that builds its own list markup with the kit's behaviour hooks, as the Storybook story
// "Custom markup with the behaviour hooks" does: no class or element of the kit's own list.
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  type ConversationGridOptions,
  type ConversationGridRow,
  ConversationKitProvider,
  createMemoryChatServer,
  DeleteConversationDialog,
  useConversationGrid,
  useConversationRow,
  useConversationSelection,
} from '../../src';
import { people } from '../fixtures';

function HostRow(props: { row: ConversationGridRow }) {
  const { rowProps, cellProps, actionsCellProps, checkboxProps, deleteButtonProps, state } =
    useConversationRow(props.row);
  return (
    <article {...rowProps}>
      <span {...cellProps}>
        {state.selectionMode && <input {...checkboxProps} />}
        <strong>{props.row.conversation.displayName}</strong>
      </span>
      {!state.selectionMode && (
        <span {...actionsCellProps}>
          <button {...deleteButtonProps}>Remove</button>
        </span>
      )}
    </article>
  );
}

function HostToolbar() {
  const { selectionMode, enterSelectionMode, exitSelectionMode, selectedCount } =
    useConversationSelection();
  return selectionMode ? (
    <p>
      <output>{selectedCount} chosen</output>
      <button type="button" onClick={exitSelectionMode}>
        Finish
      </button>
    </p>
  ) : (
    <button type="button" onClick={enterSelectionMode}>
      Choose
    </button>
  );
}

function HostList(props: ConversationGridOptions) {
  const grid = useConversationGrid(props);
  return (
    <section {...grid.containerProps}>
      <HostToolbar />
      <div {...grid.gridProps} style={{ height: 600, overflow: 'auto' }}>
        <div {...grid.rowGroupProps}>
          {grid.rows.map((row) => (
            <HostRow key={row.conversation.conversationID} row={row} />
          ))}
        </div>
      </div>
      <DeleteConversationDialog onFallbackFocus={grid.restoreFocus} />
    </section>
  );
}

async function renderHostList(props: ConversationGridOptions = {}) {
  const server = createMemoryChatServer({ conversations: people });
  const user = userEvent.setup();
  render(
    <ConversationKitProvider
      adapter={server.connect('phone')}
      queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <HostList {...props} />
    </ConversationKitProvider>,
  );
  await screen.findAllByRole('row');
  return { server, user };
}

function row(name: string) {
  return screen.getByRole('row', { name });
}

describe('a list built by the host with useConversationGrid and useConversationRow', () => {
  it('is the kit’s grid: named Conversations, counted, its rows named after their conversations', async () => {
    await renderHostList();

    const grid = screen.getByRole('grid', { name: 'Conversations' });
    expect(grid.getAttribute('aria-rowcount')).toBe('5');
    expect(document.querySelector('.ck-row, .ck-grid')).toBeNull();
    const rows = within(grid).getAllByRole('row');
    expect(rows.map((item) => item.getAttribute('aria-rowindex'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(rows.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Team',
      'Alice',
      'Bob',
      'Carol',
      'Dave',
    ]);
    expect(row('Bob').getAttribute('data-swipe')).toBe('closed');
    expect(within(row('Bob')).getByRole('button', { name: 'Delete Bob' }).textContent).toBe(
      'Remove',
    );
  });

  it('moves focus with ArrowDown, ArrowUp, End and Home, one row holding the tab stop', async () => {
    const { user } = await renderHostList();

    await user.tab(); // Choose
    await user.tab(); // the grid's tab stop: its first row
    expect(document.activeElement).toBe(row('Team'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(row('Alice'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(row('Carol'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(row('Bob'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(row('Dave'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(row('Team'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(row('Team'));

    const tabStops = screen.getAllByRole('row').filter((item) => item.tabIndex === 0);
    expect(tabStops).toEqual([row('Team')]);
  });

  it('toggles the focused row with Space in selection mode', async () => {
    const { user } = await renderHostList();

    await user.click(screen.getByRole('button', { name: 'Choose' }));
    row('Alice').focus();
    await user.keyboard(' ');
    expect(row('Alice').getAttribute('aria-selected')).toBe('true');
    expect(row('Alice').hasAttribute('data-selected')).toBe(true);
    expect(
      (screen.getByRole('checkbox', { name: 'Select Alice' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(screen.getByText('1 chosen')).toBeTruthy();

    await user.keyboard(' ');
    expect(row('Alice').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByText('0 chosen')).toBeTruthy();
  });

  it('toggles a row when its checkbox is clicked, and leaves selection mode with Escape', async () => {
    const { user } = await renderHostList();

    await user.click(screen.getByRole('button', { name: 'Choose' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Carol' }));
    expect(screen.getByText('2 chosen')).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Choose' })).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('opens the confirmation for the focused row with the Delete key', async () => {
    const { user, server } = await renderHostList();

    row('Carol').focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
    expect(row('Carol').hasAttribute('data-pending')).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(screen.queryByRole('row', { name: 'Carol' })).toBeNull();
    expect(server.calls.map((call) => call.conversationIDs)).toEqual([['C2Ccarol']]);
  });

  it('asks to delete the selected rows with the Delete key in selection mode', async () => {
    const { user } = await renderHostList();

    await user.click(screen.getByRole('button', { name: 'Choose' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Dave' }));
    await user.keyboard('{Delete}');

    expect(screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' })).toBeTruthy();
  });

  it('opens the confirmation from the row’s own Delete button, not the conversation', async () => {
    const onConversationOpen = vi.fn();
    const { user } = await renderHostList({ onConversationOpen });

    await user.click(within(row('Bob')).getByRole('button', { name: 'Delete Bob' }));

    expect(screen.getByRole('alertdialog', { name: 'Delete conversation?' })).toBeTruthy();
    expect(onConversationOpen).not.toHaveBeenCalled();
  });

  it('opens a conversation on click and with Enter', async () => {
    const onConversationOpen = vi.fn();
    const { user } = await renderHostList({ onConversationOpen });

    await user.click(row('Bob'));
    row('Dave').focus();
    await user.keyboard('{Enter}');

    expect(onConversationOpen.mock.calls.map(([item]) => item.displayName)).toEqual([
      'Bob',
      'Dave',
    ]);
  });

  it('selects every row with Ctrl+A from inside the grid', async () => {
    const { user } = await renderHostList();

    row('Alice').focus();
    await user.keyboard('{Control>}a{/Control}');

    expect(screen.getByText('5 chosen')).toBeTruthy();
    expect(screen.getAllByRole('row').every((item) => item.hasAttribute('data-selected'))).toBe(
      true,
    );
  });
});
