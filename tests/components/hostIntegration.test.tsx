// @vitest-environment jsdom
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ConversationKitProvider,
  ConversationList,
  createMemoryChatServer,
  DeleteConversationDialog,
} from '../../src';
import { conversation } from '../fixtures';

const server = createMemoryChatServer({
  conversations: [conversation('C2Calice', 'Alice', 1), conversation('C2Cbob', 'Bob', 2)],
});
const adapter = server.connect('phone');
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

function Inbox(props: { open: string | null }) {
  return (
    <ConversationKitProvider adapter={adapter} queryClient={queryClient}>
      <ConversationList activeConversationID={props.open} />
    </ConversationKitProvider>
  );
}

describe('the conversation the host shows', () => {
  it('is marked as current, and the mark follows the host', async () => {
    const { rerender } = render(<Inbox open="C2Cbob" />);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    const bob = screen.getByRole('row', { name: /Bob/ });
    expect(bob.getAttribute('aria-current')).toBe('true');
    expect(bob.hasAttribute('data-active')).toBe(true);
    expect(screen.getByRole('row', { name: /Alice/ }).hasAttribute('aria-current')).toBe(false);

    rerender(<Inbox open="C2Calice" />);
    expect(screen.getByRole('row', { name: /Alice/ }).getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('row', { name: /Bob/ }).hasAttribute('aria-current')).toBe(false);

    rerender(<Inbox open={null} />);
    expect(document.querySelector('[aria-current]')).toBeNull();
  });
});

describe('a host that renders the confirmation itself', () => {
  it('gets the list’s requests in its own dialog, and the list renders none', async () => {
    const hostServer = createMemoryChatServer({
      conversations: [conversation('C2Ccarol', 'Carol', 1), conversation('C2Cdan', 'Dan', 2)],
    });
    render(
      <ConversationKitProvider
        adapter={hostServer.connect('phone')}
        queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      >
        <section aria-label="Inbox">
          <ConversationList renderDialog={false} />
        </section>
        <DeleteConversationDialog />
      </ConversationKitProvider>,
    );
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(document.querySelectorAll('dialog')).toHaveLength(1);
    const inbox = screen.getByRole('region', { name: 'Inbox' });
    expect(inbox.querySelector('dialog')).toBeNull();

    act(() => {
      within(screen.getByRole('row', { name: /Dan/ }))
        .getByRole('button', { name: /^Delete/ })
        .click();
    });
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete conversation?' });
    await act(async () => {
      within(dialog).getByRole('button', { name: 'Delete' }).click();
    });
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(1));
    expect(hostServer.calls.map((call) => call.conversationIDs)).toEqual([['C2Cdan']]);
  });
});
