import { QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import {
  type ChatAdapter,
  ConversationKitProvider,
  type ConversationStore,
  createConversationStore,
  createMemoryChatServer,
  type MemoryChatServer,
  type MemoryChatServerOptions,
  useConversationEvents,
  useConversations,
} from '../../src';
import { useConversationKit } from '../../src/context';
import type { ConversationKitRuntime } from '../../src/runtime';
import { people } from '../fixtures';

export { conversation, people } from '../fixtures';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
}

export interface KitOptions extends MemoryChatServerOptions {
  /** The server the adapter talks to; default a new one with `people`. */
  server?: MemoryChatServer;
  /** Default `server.connect('phone')`. */
  adapter?: ChatAdapter;
  onConversationsDeleted?: (ids: string[], info: { origin: 'local' | 'remote' }) => void;
}

/** Renders a hook inside a provider on a fresh memory server, and waits for the list to load. */
export async function renderWithKit<T>(useHook: () => T, options: KitOptions = {}) {
  const {
    adapter: givenAdapter,
    server: givenServer,
    onConversationsDeleted,
    ...serverOptions
  } = options;
  const server = givenServer ?? createMemoryChatServer({ conversations: people, ...serverOptions });
  const adapter = givenAdapter ?? server.connect('phone');
  const queryClient = createTestQueryClient();
  const store: ConversationStore = createConversationStore();
  const deletedCallback = vi.fn(onConversationsDeleted);
  function wrapper({ children }: { children: ReactNode }) {
    return (
      <ConversationKitProvider adapter={adapter} queryClient={queryClient} store={store}>
        {children}
      </ConversationKitProvider>
    );
  }
  // The list is loaded and read during render by useConversations, as in a host app showing it
  // (react-query re-renders only for the result fields that a render reads).
  let runtime: ConversationKitRuntime | undefined;
  const rendered = renderHook(
    () => {
      runtime = useConversationKit();
      useConversationEvents((event) => {
        if (event.type === 'conversationsDeleted') {
          deletedCallback(event.conversationIDs, { origin: event.origin });
        }
      });
      const conversations = useConversations();
      const shown = (conversations.data ?? []).map((item) => item.conversationID);
      return { conversations, shown, hook: useHook() };
    },
    { wrapper },
  );
  await waitFor(() => {
    if (!rendered.result.current.conversations.isSuccess) throw new Error('list not loaded yet');
  });
  /** The conversations the list shows now, by ID. */
  const shownIDs = () => rendered.result.current.shown;
  /** The runtime's deletion state: IDs in flight, progress, the latest outcome. */
  const deletionState = (runtime as ConversationKitRuntime).deletionState;
  return {
    ...rendered,
    server,
    adapter,
    queryClient,
    store,
    deletionState,
    deletedCallback,
    shownIDs,
  };
}

/**
 * Wraps an adapter so that every delete call waits until the test releases it: deletions can be
 * observed in flight, and the number of concurrent calls counted, without timers.
 */
export function gateAdapter(inner: ChatAdapter) {
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  async function gate<T>(run: () => Promise<T>): Promise<T> {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await run();
    } finally {
      inFlight -= 1;
    }
  }
  const adapter: ChatAdapter = {
    capabilities: inner.capabilities,
    getConversationList: () => inner.getConversationList(),
    subscribe: (listener) => inner.subscribe(listener),
    deleteConversation: (id) => gate(() => inner.deleteConversation(id)),
    deleteConversationList: (ids, options) =>
      gate(() => inner.deleteConversationList(ids, options)),
  };
  return {
    adapter,
    /** Calls waiting for release. */
    get waiting() {
      return waiting.length;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    releaseNext() {
      waiting.shift()?.();
    },
  };
}

/** Lets pending promise callbacks and React updates run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
