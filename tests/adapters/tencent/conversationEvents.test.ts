import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTencentChatAdapter, toConversation } from '../../../src/adapters/tencent';
import type { ConversationEvent } from '../../../src/core';
import { FakeTencentChat, sdkConversation } from './fakeTencentChat';

function setUp(emit: 'manual' | 'throttled' = 'manual') {
  const chat = new FakeTencentChat({
    conversations: ['C2Calice', 'C2Cbob', 'C2Ccarol', 'GROUPteam'].map((conversationID) =>
      sdkConversation({ conversationID }),
    ),
    emit,
  });
  const adapter = createTencentChatAdapter(chat);
  const events: ConversationEvent[] = [];
  const unsubscribe = adapter.subscribe((event) => events.push(event));
  return { chat, adapter, events, unsubscribe };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('subscribing', () => {
  it('registers one SDK listener however many subscribers, and removes it with the last', () => {
    const chat = new FakeTencentChat();
    const adapter = createTencentChatAdapter(chat);
    expect(chat.listenerCount()).toBe(0);

    const first = adapter.subscribe(() => {});
    const second = adapter.subscribe(() => {});
    expect(chat.listenerCount()).toBe(1);

    first();
    first();
    expect(chat.listenerCount()).toBe(1);
    second();
    expect(chat.listenerCount()).toBe(0);

    adapter.subscribe(() => {});
    expect(chat.listenerCount()).toBe(1);
  });

  it('delivers each SDK emit to every subscriber', async () => {
    const { chat, adapter, events } = setUp();
    const secondEvents: ConversationEvent[] = [];
    adapter.subscribe((event) => secondEvents.push(event));
    await adapter.getConversationList();

    chat.deleteOnAnotherDevice(['C2Cbob']);
    chat.flush();

    expect(events).toHaveLength(1);
    expect(secondEvents).toEqual(events);
  });

  it('stops delivering after unsubscribing', async () => {
    const { chat, adapter, events, unsubscribe } = setUp();
    await adapter.getConversationList();
    unsubscribe();

    chat.deleteOnAnotherDevice(['C2Cbob']);
    chat.flush();

    expect(events).toEqual([]);
  });
});

describe('the first list emit, before any baseline', () => {
  it('upserts the whole list and reports no deletion', () => {
    const { chat, events } = setUp();

    chat.deleteOnAnotherDevice(['C2Cbob']);
    chat.flush();

    expect(events).toEqual([
      {
        type: 'conversationsUpdated',
        conversations: ['C2Calice', 'C2Ccarol', 'GROUPteam'].map((conversationID) =>
          toConversation(sdkConversation({ conversationID })),
        ),
      },
    ]);
  });
});

describe('a deletion on another device', () => {
  it('is reported as remote', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();

    chat.deleteOnAnotherDevice(['C2Cbob', 'GROUPteam']);
    chat.flush();

    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Cbob', 'GROUPteam'], origin: 'remote' },
    ]);
  });

  it('arriving in the same emit as a local deletion is still reported as remote', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();
    chat.holdResponses();

    const deleting = adapter.deleteConversationList(['C2Calice'], { clearMessage: false });
    chat.deleteOnAnotherDevice(['C2Ccarol']);
    chat.flush();
    chat.releaseResponses();
    await deleting;

    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'local' },
      { type: 'conversationsDeleted', conversationIDs: ['C2Ccarol'], origin: 'remote' },
    ]);
  });

  it('arriving in the emit that follows a settled local deletion is reported as remote', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();

    await adapter.deleteConversation('C2Calice');
    chat.deleteOnAnotherDevice(['C2Ccarol']);
    chat.flush();

    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'local' },
      { type: 'conversationsDeleted', conversationIDs: ['C2Ccarol'], origin: 'remote' },
    ]);
  });
});

describe('a deletion made through this adapter', () => {
  it('is reported once, as local, when the list emit arrives after the promise resolved', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();

    await adapter.deleteConversationList(['C2Calice', 'C2Cbob'], { clearMessage: true });
    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice', 'C2Cbob'], origin: 'local' },
    ]);

    chat.flush();
    expect(events).toHaveLength(1);
  });

  it('is reported once, as local, when the list emit arrives before the promise resolves', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();
    chat.holdResponses();

    const deleting = adapter.deleteConversation('C2Cbob');
    chat.flush();
    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Cbob'], origin: 'local' },
    ]);

    chat.releaseResponses();
    await expect(deleting).resolves.toMatchObject({ conversationID: 'C2Cbob', ok: true });
    expect(events).toHaveLength(1);
  });

  it('is reported once with the SDK throttling its emits to one a second', async () => {
    vi.useFakeTimers();
    const { chat, adapter, events } = setUp('throttled');
    await adapter.getConversationList();

    await adapter.deleteConversation('C2Calice');
    chat.deleteOnAnotherDevice(['C2Cbob']);
    vi.advanceTimersByTime(1000);

    // The one throttled emit carries both; only the remote one is news by then.
    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'local' },
      { type: 'conversationsDeleted', conversationIDs: ['C2Cbob'], origin: 'remote' },
    ]);
  });

  it('is reported once before any baseline too', async () => {
    const { chat, adapter, events } = setUp();
    chat.holdResponses();

    const deleting = adapter.deleteConversation('C2Cbob');
    chat.flush();
    chat.releaseResponses();
    await deleting;

    expect(events.filter((event) => event.type === 'conversationsDeleted')).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Cbob'], origin: 'local' },
    ]);
  });

  it('reports only the IDs that were deleted, and nothing when the call failed', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();

    await adapter.deleteConversationList(['C2Calice', 'C2Cnobody'], { clearMessage: true });
    chat.failNext({ code: 2801 });
    await adapter.deleteConversation('C2Cbob');
    chat.flush();

    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'local' },
    ]);
  });
});

describe('an update', () => {
  it('is reported with just the changed conversation', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();

    chat.updateConversation('C2Ccarol', {
      unreadCount: 3,
      lastMessage: { messageForShow: 'Lunch?', lastTime: 1_700_000_500 },
    });
    chat.flush();

    expect(events).toEqual([
      {
        type: 'conversationsUpdated',
        conversations: [
          {
            conversationID: 'C2Ccarol',
            type: 'C2C',
            displayName: 'carol',
            unreadCount: 3,
            isPinned: false,
            lastMessage: { text: 'Lunch?', timestamp: 1_700_000_500_000 },
          },
        ],
      },
    ]);
  });

  it('brings back a deleted conversation when a new message arrives in it', async () => {
    const { chat, adapter, events } = setUp();
    await adapter.getConversationList();
    await adapter.deleteConversation('C2Calice');

    const comeback = sdkConversation({ conversationID: 'C2Calice', unreadCount: 1 });
    chat.addConversation(comeback);
    chat.flush();

    expect(events).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'local' },
      { type: 'conversationsUpdated', conversations: [toConversation(comeback)] },
    ]);
  });
});

describe('getConversationList', () => {
  it('maps the SDK list', async () => {
    const { adapter } = setUp();
    const list = await adapter.getConversationList();
    expect(list.map((conversation) => conversation.displayName)).toEqual([
      'alice',
      'bob',
      'carol',
      'team',
    ]);
  });

  it('rejects with a typed error carrying the SDK code', async () => {
    const { chat, adapter } = setUp();
    chat.loggedIn = false;
    await expect(adapter.getConversationList()).rejects.toMatchObject({
      name: 'ConversationKitError',
      code: 'NOT_LOGGED_IN',
      sdkCode: 2024,
    });
  });

  it('rejects, not throws, when the SDK throws synchronously', async () => {
    const { chat, adapter } = setUp();
    chat.failNext({ method: 'getConversationList', synchronous: true, code: 2999 });

    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = adapter.getConversationList();
    }).not.toThrow();
    await expect(pending).rejects.toMatchObject({ code: 'NOT_READY', sdkCode: 2999 });
  });
});
