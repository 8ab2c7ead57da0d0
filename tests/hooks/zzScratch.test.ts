import { QueryClient } from '@tanstack/react-query';
import { expect, it } from 'vitest';
import { createMemoryChatServer, DEFAULT_REFERENCE_TIME } from '../../src/adapters/memory';
import type { Conversation } from '../../src/core';
import { compareConversations, createConversationKitRuntime } from '../../src/hooks';
import { createConversationStore } from '../../src/store';

function conversation(conversationID: string, displayName: string, minutesAgo: number) {
  return {
    conversationID,
    type: 'C2C' as const,
    displayName,
    lastMessage: {
      text: `Hi, ${displayName} here`,
      timestamp: DEFAULT_REFERENCE_TIME - minutesAgo * 60_000,
    },
    unreadCount: 0,
    isPinned: false,
  };
}
for (const fetches of [4])
  for (const cancel of [true])
    for (let m = 0; m <= 8; m += 1) {
      it(`fetches ${fetches} cancel ${cancel} m ${m}`, async () => {
        let clock = DEFAULT_REFERENCE_TIME;
        const server = createMemoryChatServer({
          conversations: [
            conversation('C2Calice', 'Alice', 1),
            conversation('C2Cbob', 'Bob', 2),
            conversation('C2Ccarol', 'Carol', 3),
          ],
          now: () => (clock += 1000),
        });
        const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
        const store = createConversationStore();
        const runtime = createConversationKitRuntime({
          adapter: server.connect('A'),
          queryClient,
          store,
        });
        runtime.connect();
        const queryKey = runtime.queryKey;
        await queryClient.fetchQuery({ queryKey, queryFn: runtime.fetchConversations });
        const pending: Promise<unknown>[] = [];
        pending.push(
          queryClient
            .fetchQuery({ queryKey, queryFn: runtime.fetchConversations, staleTime: 0 })
            .catch(() => undefined),
        );
        const phoneDeletes = server.connect('phone').deleteConversation('C2Cbob');
        pending.push(phoneDeletes);
        for (let i = 0; i < m; i += 1) await Promise.resolve();
        for (let i = 0; i < fetches; i += 1) pending.push(queryClient.refetchQueries({ queryKey }));
        if (cancel) pending.push(queryClient.cancelQueries({ queryKey }));
        await Promise.all(pending);
        await new Promise((r) => setTimeout(r, 0));
        const list = queryClient.getQueryData<Conversation[]>(queryKey);
        expect(list).toEqual([...server.listConversations()].sort(compareConversations));
        expect(store.getState().orderedIDs).toEqual(list?.map((c) => c.conversationID));
      });
    }
