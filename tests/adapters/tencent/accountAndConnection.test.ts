import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_LIST_UPDATED,
  createTencentChatAdapter,
  NET_STATE_CHANGE,
  type TencentChat,
} from '../../../src/adapters/tencent';
import type { ChatAdapter } from '../../../src/core';
import { FakeTencentChat, sdkConversation } from './fakeTencentChat';

/** A host's own wrapper of the SDK with only the four methods the kit always needed. */
function wrapperWithoutLoginUser(chat: FakeTencentChat): TencentChat {
  return {
    getConversationList: () => chat.getConversationList(),
    deleteConversation: (options) => chat.deleteConversation(options),
    on: (eventName, handler) => chat.on(eventName, handler),
    off: (eventName, handler) => chat.off(eventName, handler),
  };
}

function recordConnection(adapter: ChatAdapter): { changes: boolean[]; stop: () => void } {
  const changes: boolean[] = [];
  if (!adapter.subscribeToConnection) throw new Error('the Tencent adapter hears its connection');
  const stop = adapter.subscribeToConnection((online) => changes.push(online));
  return { changes, stop };
}

describe('accountID', () => {
  it("is the SDK's login user, read each time", () => {
    const chat = new FakeTencentChat({ userID: 'alice' });
    const adapter = createTencentChatAdapter(chat);
    expect(adapter.accountID).toBe('alice');

    chat.userID = 'bob';
    expect(adapter.accountID).toBe('bob');
  });

  it("is undefined before login, when the SDK answers ''", () => {
    const chat = new FakeTencentChat({ loggedIn: false, userID: 'alice' });
    const adapter = createTencentChatAdapter(chat);
    expect(chat.getLoginUser()).toBe('');
    expect(adapter.accountID).toBeUndefined();

    chat.loggedIn = true;
    expect(adapter.accountID).toBe('alice');
  });

  it('is undefined when the chat object has no getLoginUser', () => {
    const adapter = createTencentChatAdapter(wrapperWithoutLoginUser(new FakeTencentChat()));
    expect(adapter.accountID).toBeUndefined();
  });

  it('is undefined when getLoginUser throws or answers something other than a string', () => {
    const chat = new FakeTencentChat();
    const throwing = {
      ...wrapperWithoutLoginUser(chat),
      getLoginUser: () => {
        throw new Error('SDK destroyed');
      },
    };
    expect(createTencentChatAdapter(throwing).accountID).toBeUndefined();
    for (const answer of [null, undefined, 42, {}]) {
      const odd = { ...wrapperWithoutLoginUser(chat), getLoginUser: () => answer };
      expect(createTencentChatAdapter(odd).accountID).toBeUndefined();
    }
  });
});

describe('subscribeToConnection', () => {
  it('maps NET_STATE_CHANGE: connected → true, disconnected → false, connecting → nothing', () => {
    const chat = new FakeTencentChat();
    const { changes } = recordConnection(createTencentChatAdapter(chat));

    chat.emitNetState('disconnected');
    chat.emitNetState('connecting');
    expect(changes).toEqual([false]);
    chat.emitNetState('connected');
    expect(changes).toEqual([false, true]);
  });

  it('reports changes only', () => {
    const chat = new FakeTencentChat();
    const { changes } = recordConnection(createTencentChatAdapter(chat));

    chat.emitNetState('connected');
    chat.emitNetState('connected');
    chat.emitNetState('disconnected');
    chat.emitNetState('connecting');
    chat.emitNetState('disconnected');
    chat.emitNetState('connecting');
    chat.emitNetState('connected');

    expect(changes).toEqual([true, false, true]);
  });

  it('ignores events it cannot read', () => {
    const handlers: Array<(event: unknown) => void> = [];
    const chat: TencentChat = {
      ...wrapperWithoutLoginUser(new FakeTencentChat()),
      on: (_name, handler) => handlers.push(handler),
    };
    const { changes } = recordConnection(createTencentChatAdapter(chat));
    expect(handlers).toHaveLength(1);

    for (const event of [undefined, null, 'x', {}, { data: null }, { data: { state: 'online' } }]) {
      for (const handler of handlers) handler(event);
    }
    expect(changes).toEqual([]);
  });

  it('registers one SDK listener however many subscribers, and removes it with the last', () => {
    const chat = new FakeTencentChat();
    const adapter = createTencentChatAdapter(chat);
    const first = recordConnection(adapter);
    const second = recordConnection(adapter);
    expect(chat.listenerCount(NET_STATE_CHANGE)).toBe(1);
    // The connection listener is not the conversation list's.
    expect(chat.listenerCount(CONVERSATION_LIST_UPDATED)).toBe(0);

    chat.emitNetState('disconnected');
    first.stop();
    first.stop();
    expect(chat.listenerCount(NET_STATE_CHANGE)).toBe(1);
    chat.emitNetState('connected');
    second.stop();
    expect(chat.listenerCount(NET_STATE_CHANGE)).toBe(0);
    chat.emitNetState('disconnected');

    expect(first.changes).toEqual([false]);
    expect(second.changes).toEqual([false, true]);
  });

  it('starts from unknown again after the last subscriber left', () => {
    const chat = new FakeTencentChat();
    const adapter = createTencentChatAdapter(chat);
    const before = recordConnection(adapter);
    chat.emitNetState('disconnected');
    before.stop();

    // Unheard while nobody listened: the next subscriber hears the next state the SDK reports.
    const after = recordConnection(adapter);
    chat.emitNetState('disconnected');
    expect(after.changes).toEqual([false]);
  });

  it('does not disturb the conversation events', async () => {
    const chat = new FakeTencentChat({
      conversations: ['C2Calice', 'C2Cbob'].map((conversationID) =>
        sdkConversation({ conversationID }),
      ),
    });
    const adapter = createTencentChatAdapter(chat);
    const events: unknown[] = [];
    const unsubscribe = adapter.subscribe((event) => events.push(event));
    const connection = recordConnection(adapter);
    await adapter.getConversationList();

    connection.stop();
    expect(chat.listenerCount(CONVERSATION_LIST_UPDATED)).toBe(1);
    chat.deleteOnAnotherDevice(['C2Cbob']);
    chat.flush();
    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Cbob'], origin: 'remote' },
    ]);
    unsubscribe();
    expect(chat.listenerCount(CONVERSATION_LIST_UPDATED)).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const adapter = createTencentChatAdapter(new FakeTencentChat());
    expect(() => adapter.subscribeToConnection?.(undefined as unknown as () => void)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
