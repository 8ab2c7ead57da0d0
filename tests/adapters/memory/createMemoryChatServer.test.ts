import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChatServer, generateConversations } from '../../../src/adapters/memory';
import {
  type ChatAdapter,
  type Conversation,
  type ConversationEvent,
  ConversationKitError,
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

function idsOf(conversations: Conversation[]): string[] {
  return conversations.map((item) => item.conversationID).sort();
}

function record(adapter: ChatAdapter): ConversationEvent[] {
  const events: ConversationEvent[] = [];
  adapter.subscribe((event) => events.push(event));
  return events;
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

afterEach(() => {
  vi.useRealTimers();
});

describe('generated conversations', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateConversations(50, 7)).toEqual(generateConversations(50, 7));
    expect(generateConversations(50, 7)).not.toEqual(generateConversations(50, 8));
  });

  it('look like a real chat list', () => {
    const generated = generateConversations(500, 3).map((item) => item.conversation);
    const ids = generated.map((item) => item.conversationID);
    expect(new Set(ids).size).toBe(500);
    expect(new Set(generated.map((item) => item.displayName)).size).toBe(500);
    expect(generated.some((item) => item.type === 'GROUP')).toBe(true);
    expect(generated.some((item) => item.type === 'C2C')).toBe(true);
    expect(generated.some((item) => item.isPinned)).toBe(true);
    expect(generated.some((item) => item.unreadCount > 0)).toBe(true);
    const names = generated.map((item) => item.displayName).join(' ');
    expect(names).toMatch(/\p{Script=Latin}/u);
    expect(names).toMatch(/\p{Script=Hiragana}|\p{Script=Katakana}/u);
    expect(names).toMatch(/\p{Script=Han}/u);
    expect(names).toMatch(/\p{Script=Arabic}/u);
    const timestamps = generated.map((item) => item.lastMessage?.timestamp ?? 0);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => b - a));
  });

  it('are what the server starts with when asked for a number', async () => {
    const server = createMemoryChatServer({ conversations: 120, seed: 5 });
    expect(server.listConversations()).toEqual(
      generateConversations(120, 5).map((item) => item.conversation),
    );
    expect(await server.connect().getConversationList()).toHaveLength(120);
  });

  it('refuses a count that is not a non-negative integer', () => {
    expect(() => createMemoryChatServer({ conversations: -1 })).toThrow(ConversationKitError);
    expect(() => createMemoryChatServer({ conversations: 1.5 })).toThrow(ConversationKitError);
    expect(() => createMemoryChatServer({ latencyMs: -5 })).toThrow(ConversationKitError);
  });
});

describe('two devices on one server', () => {
  it('tells the other device about a deletion as remote when multi-client sync is on', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob, team] });
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    const phoneEvents = record(phone);
    const laptopEvents = record(laptop);

    await phone.deleteConversationList(['C2Calice'], { clearMessage: false });

    expect(phoneEvents).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'local' },
    ]);
    expect(laptopEvents).toEqual([
      { type: 'conversationsDeleted', conversationIDs: ['C2Calice'], origin: 'remote' },
    ]);
    expect(idsOf(await laptop.getConversationList())).toEqual(['C2Cbob', 'GROUPteam']);
    expect(idsOf(server.listConversations())).toEqual(['C2Cbob', 'GROUPteam']);
  });

  it('leaves the other device unaware when multi-client sync is off', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob], multiClientSync: false });
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    const laptopEvents = record(laptop);
    const phoneEvents = record(phone);

    await phone.deleteConversation('C2Calice');

    expect(phoneEvents).toHaveLength(1);
    expect(laptopEvents).toEqual([]);
    expect(idsOf(await laptop.getConversationList())).toEqual(['C2Calice', 'C2Cbob']);
    expect(idsOf(await phone.getConversationList())).toEqual(['C2Cbob']);
    // The laptop still shows Alice; deleting her there finds nothing on the server.
    expect(await laptop.deleteConversation('C2Calice')).toMatchObject({ ok: false, code: 2500 });
  });

  it('gives back the same adapter for the same device and new ones otherwise', () => {
    const server = createMemoryChatServer();
    expect(server.connect('phone')).toBe(server.connect('phone'));
    expect(server.connect()).not.toBe(server.connect());
  });

  it('stops telling a device once it unsubscribes', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob] });
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    const events: ConversationEvent[] = [];
    const unsubscribe = laptop.subscribe((event) => events.push(event));
    unsubscribe();
    await phone.deleteConversation('C2Calice');
    expect(events).toEqual([]);
  });
});

describe('history', () => {
  it('is kept by a batch delete without clearMessage and comes back with a new message', async () => {
    const server = createMemoryChatServer({ conversations: 5, seed: 2 });
    const [first] = server.listConversations();
    const id = first?.conversationID as string;
    const before = server.historyLength(id);
    expect(before).toBeGreaterThan(0);
    const device = server.connect('phone');
    const events = record(device);

    await device.deleteConversationList([id], { clearMessage: false });
    expect(server.listConversations().map((item) => item.conversationID)).not.toContain(id);
    expect(server.historyLength(id)).toBe(before);

    vi.useFakeTimers({ now: 1_800_000_000_000 });
    server.receiveMessage(id, 'Are you there?');

    const back = server.listConversations().find((item) => item.conversationID === id);
    expect(back?.lastMessage).toEqual({ text: 'Are you there?', timestamp: 1_800_000_000_000 });
    expect(back?.unreadCount).toBe(1);
    expect(server.historyLength(id)).toBe(before + 1);
    expect(events.at(-1)).toEqual({ type: 'conversationsUpdated', conversations: [back] });
    expect((await device.getConversationList()).map((item) => item.conversationID)).toContain(id);
  });

  it('is dropped by a single delete and by clearMessage: true', async () => {
    const server = createMemoryChatServer({ conversations: 5, seed: 2 });
    const [first, second] = server.listConversations().map((item) => item.conversationID);
    const device = server.connect();

    await device.deleteConversation(first as string);
    await device.deleteConversationList([second as string], { clearMessage: true });
    expect(server.historyLength(first as string)).toBe(0);
    expect(server.historyLength(second as string)).toBe(0);

    server.receiveMessage(first as string, 'New start');
    expect(server.historyLength(first as string)).toBe(1);
    expect(server.calls).toEqual([
      {
        device: 'device-1',
        method: 'deleteConversation',
        conversationIDs: [first],
        clearMessage: true,
      },
      {
        device: 'device-1',
        method: 'deleteConversationList',
        conversationIDs: [second],
        clearMessage: true,
      },
    ]);
  });

  it('grows and moves a live conversation up when a message arrives', () => {
    const server = createMemoryChatServer({ conversations: [alice, bob], now: () => 5 });
    server.receiveMessage('C2Calice', 'ping');
    const list = server.listConversations();
    expect(list.map((item) => item.conversationID)).toEqual(['C2Cbob', 'C2Calice']);
    expect(list[1]).toMatchObject({ unreadCount: 1, lastMessage: { text: 'ping', timestamp: 5 } });
    expect(server.historyLength('C2Calice')).toBe(2);
  });

  it('refuses a message for a conversation it never had', () => {
    const server = createMemoryChatServer({ conversations: [alice] });
    expect(() => server.receiveMessage('C2Cnobody', 'hi')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CONVERSATION_ID' }),
    );
  });
});

describe('batches', () => {
  it('sends 250 IDs as calls of 100, 100 and 50 with one result per ID in order', async () => {
    const server = createMemoryChatServer({ conversations: 300 });
    const ids = server
      .listConversations()
      .slice(0, 250)
      .map((item) => item.conversationID);
    const results = await server
      .connect('phone')
      .deleteConversationList(ids, { clearMessage: true });

    expect(server.calls.map((call) => call.conversationIDs.length)).toEqual([100, 100, 50]);
    expect(server.calls.flatMap((call) => call.conversationIDs)).toEqual(ids);
    expect(results.map((result) => result.conversationID)).toEqual(ids);
    expect(results.every((result) => result.ok && result.code === 0)).toBe(true);
    expect(server.listConversations()).toHaveLength(50);
  });

  it('refuses, never truncates, a call of more than 100 from a misconfigured client', async () => {
    const server = createMemoryChatServer({ conversations: 150 });
    const ids = server.listConversations().map((item) => item.conversationID);
    const device = server.connect('bad', { maxBatchSize: 150 });

    const error = await rejection(device.deleteConversationList(ids, { clearMessage: true }));
    expect(error.code).toBe('BATCH_TOO_LARGE');
    expect(server.listConversations()).toHaveLength(150);
  });

  it('reports an unknown ID as not found and deletes the rest', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob, team] });
    const results = await server
      .connect()
      .deleteConversationList(['C2Calice', 'C2Cghost'], { clearMessage: false });
    expect(results).toEqual([
      { conversationID: 'C2Calice', ok: true, code: 0, message: 'Deleted' },
      { conversationID: 'C2Cghost', ok: false, code: 2500, message: 'Conversation not found' },
    ]);
    expect(idsOf(server.listConversations())).toEqual(['C2Cbob', 'GROUPteam']);
  });
});

describe('bad input', () => {
  const cases: Array<[string, unknown, string]> = [
    ['an empty list', [], 'EMPTY_SELECTION'],
    ['duplicates', ['C2Calice', 'C2Calice'], 'DUPLICATE_CONVERSATION_ID'],
    ['a malformed ID', ['C2Calice', 'alice'], 'INVALID_CONVERSATION_ID'],
    ['a non-string ID', ['C2Calice', 42], 'INVALID_CONVERSATION_ID'],
    ['no list at all', 'C2Calice', 'INVALID_ARGUMENT'],
  ];

  it.each(cases)(
    'rejects %s with a typed error and deletes nothing',
    async (_label, input, code) => {
      const server = createMemoryChatServer({ conversations: [alice, bob, team] });
      const device = server.connect();
      const error = await rejection(
        device.deleteConversationList(input as string[], { clearMessage: true }),
      );
      expect(error.code).toBe(code);
      expect(server.calls).toEqual([]);
      expect(server.listConversations()).toHaveLength(3);
    },
  );

  it('rejects a malformed single ID and a missing clearMessage before any call', async () => {
    const server = createMemoryChatServer({ conversations: [alice] });
    const device = server.connect();
    expect((await rejection(device.deleteConversation('Alice'))).code).toBe(
      'INVALID_CONVERSATION_ID',
    );
    expect(
      (
        await rejection(
          device.deleteConversationList(['C2Calice'], {} as unknown as { clearMessage: boolean }),
        )
      ).code,
    ).toBe('INVALID_ARGUMENT');
    expect(server.calls).toEqual([]);
    expect(server.listConversations()).toHaveLength(1);
  });

  it('refuses to keep history on a client that cannot', async () => {
    const server = createMemoryChatServer({ conversations: [alice] });
    const device = server.connect('web', { keepHistory: false });
    expect(device.capabilities.keepHistory).toBe(false);
    expect(
      (await rejection(device.deleteConversationList(['C2Calice'], { clearMessage: false }))).code,
    ).toBe('INVALID_ARGUMENT');
    expect(server.listConversations()).toHaveLength(1);
  });
});

describe('faults', () => {
  it('fails exactly the named IDs once, wherever they are in the batch', async () => {
    const server = createMemoryChatServer({ conversations: 150 });
    const ids = server.listConversations().map((item) => item.conversationID);
    const doomed = ids[120] as string;
    server.failNext({ conversationIDs: [doomed], code: 2801, message: 'Timed out' });
    const device = server.connect();

    const results = await device.deleteConversationList(ids, { clearMessage: true });
    expect(results.filter((result) => !result.ok)).toEqual([
      { conversationID: doomed, ok: false, code: 2801, message: 'Timed out' },
    ]);
    expect(server.listConversations().map((item) => item.conversationID)).toEqual([doomed]);

    // The fault was used up: a retry goes through.
    expect(await device.deleteConversation(doomed)).toMatchObject({ ok: true });
  });

  it('fails every ID of the next call when no IDs are named', async () => {
    const server = createMemoryChatServer({ conversations: [alice, bob] });
    server.failNext({ code: 2805 });
    const device = server.connect();
    const results = await device.deleteConversationList(['C2Calice', 'C2Cbob'], {
      clearMessage: true,
    });
    expect(results.map((result) => [result.ok, result.code])).toEqual([
      [false, 2805],
      [false, 2805],
    ]);
    expect(server.listConversations()).toHaveLength(2);
  });

  it('rejects the next whole call, as failed results for its chunk only', async () => {
    const server = createMemoryChatServer({ conversations: 150 });
    const ids = server.listConversations().map((item) => item.conversationID);
    server.failNext({ call: 'reject', code: 2800 });
    const results = await server.connect().deleteConversationList(ids, { clearMessage: false });

    expect(results.slice(0, 100).every((result) => !result.ok && result.code === 2800)).toBe(true);
    expect(results.slice(100).every((result) => result.ok)).toBe(true);
    expect(server.listConversations().map((item) => item.conversationID)).toEqual(
      ids.slice(0, 100),
    );
    expect(server.calls).toHaveLength(2);
  });

  it('turns a rejected single delete into a failed result', async () => {
    const server = createMemoryChatServer({ conversations: [alice] });
    server.failNext({ call: 'reject', code: 2024 });
    expect(await server.connect().deleteConversation('C2Calice')).toEqual({
      conversationID: 'C2Calice',
      ok: false,
      code: 2024,
      message: 'Not logged in',
    });
    expect(server.listConversations()).toHaveLength(1);
  });
});

describe('latency', () => {
  it('delays every call by latencyMs', async () => {
    vi.useFakeTimers();
    const server = createMemoryChatServer({ conversations: [alice, bob], latencyMs: 300 });
    const device = server.connect();
    let settled = false;
    const pending = device.deleteConversation('C2Calice').then((result) => {
      settled = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    expect(server.listConversations()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ ok: true });

    server.setLatency(0);
    await expect(device.getConversationList()).resolves.toHaveLength(1);
  });
});
