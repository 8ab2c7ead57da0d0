// @vitest-environment jsdom
// Counts that do not depend on the machine, kept here so that `npm test` guards what the
// benchmark measures in time: rows in the DOM, rows re-rendered by one toggle, backend calls.
import './domSetup';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  createConversationStore,
  createMemoryChatServer,
} from '../../src';

async function renderTenThousand() {
  const server = createMemoryChatServer({ conversations: 10_000, seed: 3 });
  const store = createConversationStore();
  const renders = new Map<string, number>();
  const renderConversation = (conversation: Conversation) => {
    renders.set(conversation.conversationID, (renders.get(conversation.conversationID) ?? 0) + 1);
    return <span>{conversation.displayName}</span>;
  };
  render(
    <ConversationKitProvider
      adapter={server.connect('phone')}
      store={store}
      queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <ConversationList renderConversation={renderConversation} />
    </ConversationKitProvider>,
  );
  await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(0));
  return { server, store, renders };
}

describe('a list of 10,000 conversations', () => {
  it('puts only the rows in view, and a few more, in the DOM', async () => {
    await renderTenThousand();
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10000');
    const rows = screen.getAllByRole('row').length;
    // 600 px of 72 px rows is 9 rows on screen; the window adds 6 on each side.
    expect(rows).toBeGreaterThanOrEqual(9);
    expect(rows).toBeLessThanOrEqual(30);
  });

  it('re-renders at most 2 rows when one selection is toggled', async () => {
    const { store, renders } = await renderTenThousand();
    act(() => store.getState().enterSelectionMode());
    const third = store.getState().orderedIDs[2] as string;
    renders.clear();
    act(() => store.getState().toggle(third));
    const rendered = [...renders.keys()];
    expect(rendered.length).toBeLessThanOrEqual(2);
    expect(rendered).toContain(third);
  });

  it('sends exactly 10 backend calls to delete 1,000 of them', async () => {
    const { server, store } = await renderTenThousand();
    const first1000 = store.getState().orderedIDs.slice(0, 1000);
    act(() => {
      store.getState().enterSelectionMode();
      store.getState().replaceSelection(first1000);
      store.getState().requestDeletion(first1000);
    });
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 1,000 conversations?' });
    await act(async () => {
      (dialog.querySelector('[data-variant]') as HTMLButtonElement).click();
    });
    await waitFor(() =>
      expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('9000'),
    );
    expect(server.calls).toHaveLength(10);
    expect(server.calls.every((call) => call.conversationIDs.length === 100)).toBe(true);
    expect(new Set(server.calls.flatMap((call) => call.conversationIDs))).toEqual(
      new Set(first1000),
    );
  });
});
