// @vitest-environment jsdom
// Issue 15, offline: a deletion that cannot reach the network is no failure. The rows stay
// hidden, the status says when they will go, and they go once the device is back online.
import './domSetup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryChatServer } from '../../src';
import { conversation } from '../fixtures';
import { renderList } from './renderList';

const people = [
  conversation('C2Calice', 'Alice', 1),
  conversation('C2Cbob', 'Bob', 2),
  conversation('C2Ccarol', 'Carol', 3),
];

function shownIDs(): string[] {
  return screen.getAllByRole('row').map((row) => row.getAttribute('data-id') ?? '');
}

describe('deleting while offline', () => {
  it('keeps the rows hidden, says they go when back online, and deletes them then', async () => {
    const server = createMemoryChatServer({ conversations: people });
    const { user } = await renderList({}, { conversations: people, server });
    server.setOnline(false);

    await user.click(screen.getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    await user.click(screen.getByRole('button', { name: /^Delete/ }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        "2 conversations will be deleted when you're back online",
      ),
    );
    expect(shownIDs()).toEqual(['C2Ccarol']);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(server.calls).toEqual([]);

    server.setOnline(true);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Deleted 2 conversations'),
    );
    expect(shownIDs()).toEqual(['C2Ccarol']);
    expect(server.calls).toHaveLength(1);
    expect(server.listConversations().map((item) => item.conversationID)).toEqual(['C2Ccarol']);
  });
});
