import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  type ChatAdapter,
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  type ConversationListProps,
  createConversationStore,
  createMemoryChatServer,
  type Locale,
  type MemoryChatServer,
} from '../../src';

export interface RenderListOptions {
  /** What a new memory server holds; ignored when `server` is given. */
  conversations: Conversation[];
  server?: MemoryChatServer;
  adapter?: ChatAdapter;
  locale?: Locale;
}

/**
 * Renders the list in a provider with its own store and QueryClient, on a memory server connected
 * as the phone, and waits for its rows.
 */
export async function renderList(props: ConversationListProps, options: RenderListOptions) {
  const server = options.server ?? createMemoryChatServer({ conversations: options.conversations });
  const adapter = options.adapter ?? server.connect('phone');
  const store = createConversationStore();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const view = render(
    <ConversationKitProvider
      adapter={adapter}
      queryClient={queryClient}
      store={store}
      locale={options.locale}
    >
      <ConversationList {...props} />
    </ConversationKitProvider>,
  );
  await screen.findAllByRole('row');
  return { ...view, server, adapter, store, queryClient, user };
}
