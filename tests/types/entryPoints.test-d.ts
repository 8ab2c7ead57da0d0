// The subpath entry points `conversation-kit/memory` and `conversation-kit/tencent` hold the same
// functions and types as the root, which keeps re-exporting the two factories (SPEC 7);
// `conversation-kit/server` holds what a server renders with, and no component or hook.
import * as root from 'conversation-kit';
import * as memory from 'conversation-kit/memory';
import * as server from 'conversation-kit/server';
import * as tencent from 'conversation-kit/tencent';
import { describe, expectTypeOf, test } from 'vitest';

describe('entry points', () => {
  test('conversation-kit/memory: the root createMemoryChatServer and its types', () => {
    expectTypeOf(memory.createMemoryChatServer).toEqualTypeOf(root.createMemoryChatServer);
    expectTypeOf<memory.MemoryChatServer>().toEqualTypeOf<root.MemoryChatServer>();
    expectTypeOf<memory.MemoryChatServerOptions>().toEqualTypeOf<root.MemoryChatServerOptions>();
    expectTypeOf<memory.MemoryChatCall>().toEqualTypeOf<root.MemoryChatCall>();
    expectTypeOf<memory.MemoryChatFault>().toEqualTypeOf<root.MemoryChatFault>();
    expectTypeOf<memory.ConnectOptions>().toEqualTypeOf<root.ConnectOptions>();
  });

  test('conversation-kit/memory: generateConversations for demo data', () => {
    expectTypeOf(memory.generateConversations).toBeCallableWith(100);
    expectTypeOf(memory.generateConversations).toBeCallableWith(
      100,
      1,
      memory.DEFAULT_REFERENCE_TIME,
    );
    expectTypeOf(memory.generateConversations).returns.toEqualTypeOf<
      memory.GeneratedConversation[]
    >();
    expectTypeOf<memory.GeneratedConversation>().toEqualTypeOf<{
      conversation: root.Conversation;
      historyLength: number;
    }>();
  });

  test('conversation-kit/tencent: the root createTencentChatAdapter and its types', () => {
    expectTypeOf(tencent.createTencentChatAdapter).toEqualTypeOf(root.createTencentChatAdapter);
    expectTypeOf<tencent.TencentChat>().toEqualTypeOf<root.TencentChat>();
    expectTypeOf<tencent.TencentChatAdapterOptions>().toEqualTypeOf<root.TencentChatAdapterOptions>();
  });

  test('conversation-kit/tencent: toConversation maps an SDK conversation', () => {
    expectTypeOf(tencent.toConversation).parameter(0).toEqualTypeOf<tencent.TencentConversation>();
    expectTypeOf(tencent.toConversation).returns.toEqualTypeOf<root.Conversation>();
  });

  test('the subpaths export only their adapter', () => {
    expectTypeOf(memory).not.toHaveProperty('ConversationList');
    expectTypeOf(memory).not.toHaveProperty('createTencentChatAdapter');
    expectTypeOf(tencent).not.toHaveProperty('ConversationList');
    expectTypeOf(tencent).not.toHaveProperty('createMemoryChatServer');
  });

  test('conversation-kit/server: what a server renders with, and nothing of React', () => {
    expectTypeOf(server.conversationListQueryKey).toEqualTypeOf(root.conversationListQueryKey);
    expectTypeOf(server.prefetchConversationList)
      .parameter(1)
      .toEqualTypeOf<Pick<root.ChatAdapter, 'getConversationList' | 'cacheKey'>>();
    expectTypeOf(server.prefetchConversationList).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(server).not.toHaveProperty('ConversationList');
    expectTypeOf(server).not.toHaveProperty('useConversations');
  });

  test('the root exports no internals', () => {
    expectTypeOf(root).not.toHaveProperty('chunk');
    expectTypeOf(root).not.toHaveProperty('SdkCode');
    expectTypeOf(root).not.toHaveProperty('useConversationStore');
    expectTypeOf(root).not.toHaveProperty('useConversationKit');
    expectTypeOf(root).not.toHaveProperty('dedupeConversationIDs');
  });
});
