// conversation-kit/server: a list prefetched on a server is exactly the list the kit's own query
// would hold, under the key the browser's provider reads for an adapter with the same cacheKey.
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createMemoryChatServer } from '../../src/adapters/memory';
import { createTencentChatAdapter, type TencentChat } from '../../src/adapters/tencent';
import { type ChatAdapter, type Conversation, ConversationKitError } from '../../src/core';
import { createConversationKitRuntime } from '../../src/runtime';
import { conversationListQueryKey, prefetchConversationList } from '../../src/server';
import { createConversationStore } from '../../src/store';
import { people } from '../fixtures';

function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** The list as the kit's own query loads it in the browser. */
async function listOfTheKitsQuery(adapter: ChatAdapter) {
  const queryClient = newQueryClient();
  const runtime = createConversationKitRuntime({
    adapter,
    queryClient,
    store: createConversationStore(),
    outboxStorage: null,
  });
  await queryClient.fetchQuery(runtime.queryOptions);
  return { data: queryClient.getQueryData(runtime.queryKey), queryKey: runtime.queryKey };
}

describe('prefetchConversationList', () => {
  it('holds what the kit’s own query would, pinned first and newest first, under its key', async () => {
    // Out of order on purpose, the pinned one last, as a backend may answer.
    const conversations = [people[2], people[0], people[3], people[1], people[4]] as Conversation[];
    const serverSide = createMemoryChatServer({ conversations }).connect('web', {
      cacheKey: 'inbox',
    });
    const browserSide = createMemoryChatServer({ conversations }).connect('web', {
      cacheKey: 'inbox',
    });

    const queryClient = newQueryClient();
    await prefetchConversationList(queryClient, serverSide);

    const kits = await listOfTheKitsQuery(browserSide);
    expect(kits.queryKey).toEqual(conversationListQueryKey(serverSide));
    expect(queryClient.getQueryData(conversationListQueryKey(serverSide))).toEqual(kits.data);
    expect((kits.data as Conversation[]).map((item) => item.displayName)).toEqual([
      'Team',
      'Alice',
      'Bob',
      'Carol',
      'Dave',
    ]);
  });

  it('dehydrates the list with the time it was fetched', async () => {
    const adapter = createMemoryChatServer({ conversations: 30, seed: 7 }).connect('web', {
      cacheKey: 'inbox',
    });
    const queryClient = newQueryClient();
    const before = Date.now();
    await prefetchConversationList(queryClient, adapter);
    const [query] = dehydrate(queryClient).queries;
    expect(query?.queryKey).toEqual(['conversation-kit', 'conversations', 'inbox']);
    expect(query?.state.data).toHaveLength(30);
    expect(query?.state.dataUpdatedAt).toBeGreaterThanOrEqual(before);
  });

  it('works with a server-only adapter that can only list', async () => {
    const list = createMemoryChatServer({ conversations: 3 }).listConversations();
    const queryClient = newQueryClient();
    await prefetchConversationList(queryClient, {
      cacheKey: 'user-42',
      getConversationList: async () => list,
    });
    expect(queryClient.getQueryData(['conversation-kit', 'conversations', 'user-42'])).toHaveLength(
      3,
    );
  });

  it('refuses an adapter without a cacheKey, whose list the browser could never find', async () => {
    const adapter = createMemoryChatServer({ conversations: 3 }).connect('web');
    const queryClient = newQueryClient();
    const prefetching = prefetchConversationList(queryClient, adapter);
    await expect(prefetching).rejects.toBeInstanceOf(ConversationKitError);
    await expect(prefetching).rejects.toMatchObject({ code: 'INVALID_ADAPTER' });
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('does not reject when the backend fails: nothing is dehydrated, the browser loads the list', async () => {
    const queryClient = newQueryClient();
    await prefetchConversationList(queryClient, {
      cacheKey: 'inbox',
      getConversationList: () => Promise.reject(new Error('backend down')),
    });
    expect(dehydrate(queryClient).queries).toEqual([]);
  });
});

describe('conversationListQueryKey', () => {
  it('is the cacheKey when the adapter has one, the adapter object’s own otherwise', () => {
    const server = createMemoryChatServer({ conversations: 1 });
    const named = server.connect('a', { cacheKey: 'inbox' });
    const sameName = createMemoryChatServer().connect('b', { cacheKey: 'inbox' });
    expect(conversationListQueryKey(named)).toEqual(conversationListQueryKey(sameName));
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    expect(conversationListQueryKey(phone)).not.toEqual(conversationListQueryKey(laptop));
    expect(conversationListQueryKey(phone)).toEqual(conversationListQueryKey(phone));
  });

  it('is the cacheKey given to the Tencent adapter', () => {
    const chat: TencentChat = {
      getConversationList: async () => ({ data: { conversationList: [] } }),
      deleteConversation: async () => ({ data: { conversationIDList: [] } }),
      on: () => {},
      off: () => {},
    };
    const adapter = createTencentChatAdapter(chat, { cacheKey: 'user-42' });
    expect(conversationListQueryKey(adapter)).toEqual([
      'conversation-kit',
      'conversations',
      'user-42',
    ]);
  });
});
