import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMemoryChatServer,
  MEMORY_SERVER_DEFAULT_ACCOUNT_ID,
} from '../../../src/adapters/memory';
import {
  type ChatAdapter,
  type Conversation,
  type ConversationEvent,
  ConversationKitError,
  isNetworkFailureCode,
} from '../../../src/core';

function conversation(conversationID: string, displayName: string): Conversation {
  return {
    conversationID,
    type: conversationID.startsWith('GROUP') ? 'GROUP' : 'C2C',
    displayName,
    lastMessage: { text: `Hi from ${displayName}`, timestamp: 1_700_000_000_000 },
    unreadCount: 0,
    isPinned: false,
  };
}

const alice = conversation('C2Calice', 'Alice');
const bob = conversation('C2Cbob', 'Bob');
const team = conversation('GROUPteam', 'Team');

function record(adapter: ChatAdapter): ConversationEvent[] {
  const events: ConversationEvent[] = [];
  adapter.subscribe((event) => events.push(event));
  return events;
}

function recordConnection(adapter: ChatAdapter): boolean[] {
  const changes: boolean[] = [];
  if (!adapter.subscribeToConnection) throw new Error('the memory adapter hears its connection');
  adapter.subscribeToConnection((online) => changes.push(online));
  return changes;
}

async function rejection(promise: Promise<unknown>): Promise<ConversationKitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConversationKitError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with a ConversationKitError');
}

const networkFailure = (conversationID: string) => ({
  conversationID,
  ok: false,
  code: 2800,
  message: 'Network error',
});

afterEach(() => {
  vi.useRealTimers();
});

describe('setOnline(false)', () => {
  it('fails every call of every device as a network failure (2800), and nothing reaches the server', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob, team] });
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    const historyBefore = server.historyLength('C2Calice');
    server.setOnline(false);
    expect(server.online).toBe(false);

    for (const device of [phone, laptop]) {
      const error = await rejection(device.getConversationList());
      expect(error).toMatchObject({ code: 'NETWORK', sdkCode: 2800, message: 'Network error' });
      expect(isNetworkFailureCode(error.sdkCode)).toBe(true);
      // Delete calls keep the adapter contract: one failed result per ID, as for a rejected call.
      expect(await device.deleteConversation('C2Calice')).toEqual(networkFailure('C2Calice'));
      expect(
        await device.deleteConversationList(['C2Cbob', 'GROUPteam'], { clearMessage: false }),
      ).toEqual([networkFailure('C2Cbob'), networkFailure('GROUPteam')]);
    }

    expect(server.calls).toEqual([]);
    expect(server.listConversations()).toEqual([alice, bob, team]);
    expect(server.historyLength('C2Calice')).toBe(historyBefore);
  });

  it('fails every chunk of a long batch, each with 2800', async () => {
    const server = createMemoryChatServer({ conversations: 250 });
    const ids = server.listConversations().map((item) => item.conversationID);
    server.setOnline(false);

    const results = await server.connect().deleteConversationList(ids, { clearMessage: true });

    expect(results.map((result) => result.conversationID)).toEqual(ids);
    expect(results.every((result) => !result.ok && result.code === 2800)).toBe(true);
    expect(server.calls).toEqual([]);
    expect(server.listConversations()).toHaveLength(250);
  });

  it('still refuses bad input with its own typed error first', async () => {
    const server = createMemoryChatServer({ conversations: [alice] });
    const device = server.connect();
    server.setOnline(false);

    expect((await rejection(device.deleteConversationList([], { clearMessage: true }))).code).toBe(
      'EMPTY_SELECTION',
    );
    expect((await rejection(device.deleteConversation('Alice'))).code).toBe(
      'INVALID_CONVERSATION_ID',
    );
  });

  it('leaves injected faults for the first call that reaches the server', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob] });
    const device = server.connect();
    server.failNext({ call: 'reject', code: 2024 });
    server.failNext({ conversationIDs: ['C2Cbob'], code: 2801 });
    server.setOnline(false);
    await device.deleteConversationList(['C2Calice', 'C2Cbob'], { clearMessage: true });

    server.setOnline(true);
    expect(await device.deleteConversation('C2Calice')).toMatchObject({ ok: false, code: 2024 });
    expect(await device.deleteConversation('C2Cbob')).toMatchObject({ ok: false, code: 2801 });
    expect(server.calls).toHaveLength(2);
  });

  it('fails a call on its way across an outage, even if the network is back when it arrives', async () => {
    vi.useFakeTimers();
    const server = createMemoryChatServer({ conversations: [alice, bob], latencyMs: 300 });
    const device = server.connect();

    const onItsWay = device.deleteConversation('C2Calice');
    const listOnItsWay = device.getConversationList();
    // Caught now, so the rejection is not unhandled while the timers run.
    const listFailure = rejection(listOnItsWay);
    await vi.advanceTimersByTimeAsync(100);
    server.setOnline(false);
    const madeOffline = device.deleteConversation('C2Cbob');
    await vi.advanceTimersByTimeAsync(100);
    server.setOnline(true);
    await vi.advanceTimersByTimeAsync(300);

    expect(await onItsWay).toEqual(networkFailure('C2Calice'));
    expect(await madeOffline).toEqual(networkFailure('C2Cbob'));
    expect((await listFailure).sdkCode).toBe(2800);
    expect(server.calls).toEqual([]);
    expect(server.listConversations()).toHaveLength(2);
  });

  it('lets calls through again once back online', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob] });
    const device = server.connect('phone');
    server.setOnline(false);
    await device.deleteConversation('C2Calice');
    server.setOnline(true);
    expect(server.online).toBe(true);

    expect(await device.deleteConversation('C2Calice')).toMatchObject({ ok: true });
    expect(await device.getConversationList()).toEqual([bob]);
    expect(server.calls).toEqual([
      {
        device: 'phone',
        method: 'deleteConversation',
        conversationIDs: ['C2Calice'],
        clearMessage: true,
      },
    ]);
  });

  it('refuses anything but true or false', () => {
    const server = createMemoryChatServer();
    expect(() => server.setOnline('no' as unknown as boolean)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(server.online).toBe(true);
  });
});

describe('events while offline', () => {
  it('are held and delivered in order when back online, to every device', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob, team], now: () => 7 });
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    await phone.deleteConversationList(['GROUPteam'], { clearMessage: false });
    const phoneEvents = record(phone);
    const laptopEvents = record(laptop);

    server.setOnline(false);
    server.receiveMessage('GROUPteam', 'Back again');
    server.receiveMessage('C2Cbob', 'One');
    server.receiveMessage('C2Calice', 'Two');
    expect(phoneEvents).toEqual([]);
    expect(laptopEvents).toEqual([]);

    server.setOnline(true);
    const expected = [
      { ...team, lastMessage: { text: 'Back again', timestamp: 7 }, unreadCount: 1 },
      { ...bob, lastMessage: { text: 'One', timestamp: 7 }, unreadCount: 1 },
      { ...alice, lastMessage: { text: 'Two', timestamp: 7 }, unreadCount: 1 },
    ].map((item) => ({ type: 'conversationsUpdated', conversations: [item] }));
    expect(phoneEvents).toEqual(expected);
    expect(laptopEvents).toEqual(expected);

    // Delivered once: going offline and back again repeats nothing.
    server.setOnline(false);
    server.setOnline(true);
    expect(phoneEvents).toHaveLength(3);
  });

  it('are delivered before the connection listeners hear that the device is back', () => {
    const server = createMemoryChatServer({ conversations: [alice] });
    const device = server.connect();
    const log: string[] = [];
    device.subscribe((event) => log.push(event.type));
    device.subscribeToConnection?.((online) => log.push(online ? 'online' : 'offline'));

    server.setOnline(false);
    server.receiveMessage('C2Calice', 'Hello');
    server.setOnline(true);

    expect(log).toEqual(['offline', 'conversationsUpdated', 'online']);
  });

  it('reach a listener that subscribed while offline', () => {
    const server = createMemoryChatServer({ conversations: [alice] });
    const device = server.connect();
    server.setOnline(false);
    server.receiveMessage('C2Calice', 'Hello');
    const events = record(device);

    server.setOnline(true);

    expect(events).toMatchObject([{ type: 'conversationsUpdated' }]);
  });

  it('wait again when a listener takes the server offline in the middle of delivering them', () => {
    const server = createMemoryChatServer({ conversations: [alice, bob] });
    const device = server.connect();
    const texts: string[] = [];
    device.subscribe((event) => {
      if (event.type !== 'conversationsUpdated') return;
      const text = event.conversations[0]?.lastMessage?.text ?? '';
      texts.push(text);
      if (text === 'first') server.setOnline(false);
    });
    const connection = recordConnection(device);

    server.setOnline(false);
    server.receiveMessage('C2Calice', 'first');
    server.receiveMessage('C2Cbob', 'second');
    server.setOnline(true);
    expect(texts).toEqual(['first']);
    expect(server.online).toBe(false);

    server.setOnline(true);
    expect(texts).toEqual(['first', 'second']);
    // The listener's own setOnline(false) came while the delivery was under way: the device was
    // never told it was back in between.
    expect(connection).toEqual([false, true]);
  });
});

describe('subscribeToConnection', () => {
  it('tells every device each change once, and stops after unsubscribing', () => {
    const server = createMemoryChatServer();
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    const laptopChanges = recordConnection(laptop);
    const phoneChanges: boolean[] = [];
    const stop = phone.subscribeToConnection?.((online) => phoneChanges.push(online));

    server.setOnline(true); // already online: no change
    server.setOnline(false);
    server.setOnline(false);
    server.setOnline(true);
    stop?.();
    stop?.();
    server.setOnline(false);

    expect(phoneChanges).toEqual([false, true]);
    expect(laptopChanges).toEqual([false, true, false]);
  });

  it('tells a device connected while offline when it is back', () => {
    const server = createMemoryChatServer();
    server.setOnline(false);
    const changes = recordConnection(server.connect('tablet'));
    server.setOnline(true);
    expect(changes).toEqual([true]);
  });
});

describe('accountID', () => {
  it('is the same default account on every device', () => {
    const server = createMemoryChatServer();
    expect(MEMORY_SERVER_DEFAULT_ACCOUNT_ID).toBe('memory-user');
    expect(server.connect('phone').accountID).toBe('memory-user');
    expect(server.connect('laptop').accountID).toBe('memory-user');
    expect(server.connect().accountID).toBe('memory-user');
  });

  it('is the account the options name, on every device', () => {
    const server = createMemoryChatServer({ accountID: 'alice' });
    expect(server.connect('phone').accountID).toBe('alice');
    expect(server.connect('laptop', { maxBatchSize: 10 }).accountID).toBe('alice');
    expect(createMemoryChatServer({ accountID: 'bob' }).connect('phone').accountID).toBe('bob');
  });

  it('is unknown with accountID: null, and an empty one is refused', () => {
    expect(createMemoryChatServer({ accountID: null }).connect().accountID).toBeUndefined();
    expect(() => createMemoryChatServer({ accountID: '' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
