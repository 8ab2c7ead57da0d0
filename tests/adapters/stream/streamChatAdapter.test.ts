// The Stream Chat adapter over the real `stream-chat` SDK, talking to a local stand-in for
// Stream's API (streamTestServer.ts): the SDK's REST calls, WebSocket, events and channel state
// all run as they would against Stream.
import { QueryClient } from '@tanstack/react-query';
import { StreamChat } from 'stream-chat';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStreamChatAdapter,
  describeStreamFailure,
  isStreamConversationID,
} from '../../../src/adapters/stream';
import {
  type ChatAdapter,
  type ConversationEvent,
  ConversationKitError,
  isNetworkFailureCode,
} from '../../../src/core';
import { createConversationKitRuntime } from '../../../src/runtime';
import { createConversationStore } from '../../../src/store';
import {
  type SeedChannel,
  type StreamTestServer,
  startStreamTestServer,
  TEST_API_KEY,
} from './streamTestServer';

const seed: SeedChannel[] = [
  {
    id: '!members-alice-bob',
    members: ['alice', 'bob'],
    messages: [{ text: 'Hi Alice', userID: 'bob' }],
  },
  {
    id: 'team',
    name: 'Team',
    members: ['alice', 'bob', 'carol'],
    messages: [
      { text: 'Standup?', userID: 'carol' },
      { text: 'Yes', userID: 'alice' },
    ],
  },
  {
    id: 'trip',
    name: 'Trip',
    members: ['alice', 'dave'],
    messages: [{ text: 'Tickets', userID: 'dave' }],
  },
  {
    id: 'other',
    name: 'Not Alice',
    members: ['bob', 'carol'],
    messages: [{ text: 'x', userID: 'bob' }],
  },
];

let server: StreamTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function twoDevices(channels: SeedChannel[] = seed) {
  server = await startStreamTestServer(channels);
  const phoneClient = await server.connectClient('alice');
  const laptopClient = await server.connectClient('alice');
  const phone = createStreamChatAdapter(phoneClient);
  const laptop = createStreamChatAdapter(laptopClient);
  await phone.getConversationList();
  await laptop.getConversationList();
  return { server, phone, laptop, phoneClient, laptopClient };
}

function record(adapter: ChatAdapter): ConversationEvent[] {
  const events: ConversationEvent[] = [];
  adapter.subscribe((event) => events.push(event));
  return events;
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const deletedIDs = (events: ConversationEvent[], origin: 'local' | 'remote') =>
  events.flatMap((event) =>
    event.type === 'conversationsDeleted' && event.origin === origin ? event.conversationIDs : [],
  );

describe('the Stream Chat adapter, real SDK against a local server', () => {
  it("lists the user's channels, newest message first, mapped to conversations", async () => {
    const { phone } = await twoDevices();
    const list = await phone.getConversationList();
    expect(list.map((item) => item.conversationID)).toEqual([
      'messaging:trip',
      'messaging:team',
      'messaging:!members-alice-bob',
    ]);
    expect(list[2]).toMatchObject({ type: 'C2C', displayName: 'bob', unreadCount: 1 });
    expect(list[2]?.lastMessage?.text).toBe('Hi Alice');
    expect(list[1]).toMatchObject({ type: 'GROUP', displayName: 'Team', isPinned: false });
    expect(list[1]?.lastMessage).toEqual({ text: 'Yes', timestamp: expect.any(Number) });
    expect(phone.accountID).toBe('alice');
  });

  it('reads every page: Stream answers 30 channels a call', async () => {
    const many = Array.from({ length: 65 }, (_, index) => ({
      id: `room-${index}`,
      members: ['alice', 'bob', 'carol'],
      messages: [{ text: `m${index}`, userID: 'bob' }],
    }));
    server = await startStreamTestServer(many);
    const adapter = createStreamChatAdapter(await server.connectClient('alice'));
    expect(await adapter.getConversationList()).toHaveLength(65);
    expect(server.requests.filter((request) => request === 'POST /channels')).toHaveLength(3);
  });

  it('hides with the history cleared for deleteConversation and as asked for the list call', async () => {
    const { server, phone } = await twoDevices();
    expect((await phone.deleteConversation('messaging:team')).ok).toBe(true);
    expect(server.historyLength('messaging:team', 'alice')).toBe(0);
    expect(server.historyLength('messaging:team', 'bob')).toBe(2);

    const kept = await phone.deleteConversationList(['messaging:trip'], { clearMessage: false });
    expect(kept).toEqual([
      { conversationID: 'messaging:trip', ok: true, code: 0, message: 'Deleted' },
    ]);
    expect(server.historyLength('messaging:trip', 'alice')).toBe(1);
    expect(server.hiddenFor('alice').sort()).toEqual(['messaging:team', 'messaging:trip']);
    expect((await phone.getConversationList()).map((item) => item.conversationID)).toEqual([
      'messaging:!members-alice-bob',
    ]);
  });

  it('answers one result per ID: unknown ones not found (2500), failures with their code, the rest deleted', async () => {
    const { server, phone } = await twoDevices();
    server.failNextHide('messaging:trip', {
      status: 403,
      code: 17,
      message: 'HideChannel failed: not allowed',
    });
    const results = await phone.deleteConversationList(
      ['messaging:team', 'messaging:nowhere', 'messaging:trip'],
      { clearMessage: false },
    );
    expect(results).toEqual([
      { conversationID: 'messaging:team', ok: true, code: 0, message: 'Deleted' },
      { conversationID: 'messaging:nowhere', ok: false, code: 2500, message: expect.any(String) },
      {
        conversationID: 'messaging:trip',
        ok: false,
        code: 17,
        message: expect.stringContaining('not allowed'),
      },
    ]);
    expect(server.hiddenFor('alice')).toEqual(['messaging:team']);
  });

  it("maps Stream's 'does not exist' (16) of a channel the client holds to not found", async () => {
    const { server, phone } = await twoDevices();
    server.failNextHide('messaging:team', {
      status: 404,
      code: 16,
      message: 'Channel does not exist',
    });
    const [result] = await phone.deleteConversationList(['messaging:team'], { clearMessage: true });
    expect(result).toMatchObject({ ok: false, code: 2500 });
  });

  it('hides the channels of a batch at most 5 at a time', async () => {
    const many = Array.from({ length: 20 }, (_, index) => ({
      id: `room-${index}`,
      members: ['alice', 'bob', 'carol'],
      messages: [{ text: `m${index}`, userID: 'bob' }],
    }));
    server = await startStreamTestServer(many);
    const adapter = createStreamChatAdapter(await server.connectClient('alice'));
    const ids = (await adapter.getConversationList()).map((item) => item.conversationID);
    const results = await adapter.deleteConversationList(ids, { clearMessage: false });
    expect(results.map((result) => result.conversationID)).toEqual(ids);
    expect(results.every((result) => result.ok)).toBe(true);
    // Never more than 5 at once (that they overlap at all depends on timing: channelHiding's test).
    expect(server.mostHidesAtOnce).toBeLessThanOrEqual(5);
  });

  it('reports a deletion once on this device as local and on the other as remote', async () => {
    const { phone, laptop } = await twoDevices();
    const onPhone = record(phone);
    const onLaptop = record(laptop);
    await phone.deleteConversationList(['messaging:team'], { clearMessage: false });
    await waitFor(() => deletedIDs(onLaptop, 'remote').length > 0);
    // The phone hears its own `channel.hidden` too; it is not reported again, nor as remote.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deletedIDs(onPhone, 'local')).toEqual(['messaging:team']);
    expect(deletedIDs(onPhone, 'remote')).toEqual([]);
    expect(deletedIDs(onLaptop, 'remote')).toEqual(['messaging:team']);
  });

  it('brings a hidden channel back on a new message, with or without its old history', async () => {
    const { server, phone, laptop } = await twoDevices();
    const onLaptop = record(laptop);
    await phone.deleteConversationList(['messaging:team'], { clearMessage: false });
    await phone.deleteConversation('messaging:trip');
    await waitFor(() => deletedIDs(onLaptop, 'remote').length === 2);

    server.addMessage('messaging:team', 'Back again');
    server.addMessage('messaging:trip', 'New tickets');
    await waitFor(
      () => onLaptop.filter((event) => event.type === 'conversationsUpdated').length >= 2,
    );
    const updated = onLaptop.flatMap((event) =>
      event.type === 'conversationsUpdated' ? event.conversations : [],
    );
    expect(
      updated.find((item) => item.conversationID === 'messaging:team')?.lastMessage?.text,
    ).toBe('Back again');
    expect(server.historyLength('messaging:team', 'alice')).toBe(3);
    expect(server.historyLength('messaging:trip', 'alice')).toBe(1);
    expect((await phone.getConversationList()).map((item) => item.conversationID)).toEqual([
      'messaging:trip',
      'messaging:team',
      'messaging:!members-alice-bob',
    ]);
  });

  it('brings a hidden channel back when another app of the user shows it (channel.visible)', async () => {
    const { server, phone, laptop } = await twoDevices();
    const onLaptop = record(laptop);
    await phone.deleteConversationList(['messaging:team'], { clearMessage: false });
    await waitFor(() => deletedIDs(onLaptop, 'remote').length === 1);

    server.showChannel('messaging:team', 'alice');
    await waitFor(() => onLaptop.some((event) => event.type === 'conversationsUpdated'));
    const shown = onLaptop.flatMap((event) =>
      event.type === 'conversationsUpdated' ? event.conversations : [],
    );
    expect(shown.map((item) => item.conversationID)).toEqual(['messaging:team']);
    expect(shown[0]?.displayName).toBe('Team');
    expect((await laptop.getConversationList()).map((item) => item.conversationID)).toContain(
      'messaging:team',
    );
  });

  it('reports a channel deleted for everybody as a remote deletion', async () => {
    const { server, laptop } = await twoDevices();
    const onLaptop = record(laptop);
    server.deleteChannel('messaging:trip');
    await waitFor(() => deletedIDs(onLaptop, 'remote').length > 0);
    expect(deletedIDs(onLaptop, 'remote')).toEqual(['messaging:trip']);
  });

  it('stops reporting once unsubscribed', async () => {
    const { server, phone, laptop } = await twoDevices();
    const events: ConversationEvent[] = [];
    const unsubscribe = laptop.subscribe((event) => events.push(event));
    unsubscribe();
    unsubscribe();
    await phone.deleteConversation('messaging:team');
    server.addMessage('messaging:team', 'hello');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual([]);
  });

  // The SDK says "offline" only after 5 s without a connection, so this one takes a while.
  it('tells the connection: down when the network is gone, up when the SDK has reconnected', async () => {
    const { server, phone } = await twoDevices();
    const changes: boolean[] = [];
    phone.subscribeToConnection?.((online) => changes.push(online));
    server.setOnline(false);
    await waitFor(() => changes.includes(false), 20_000);
    server.setOnline(true);
    await waitFor(() => changes.at(-1) === true, 20_000);
    expect(changes).toEqual([false, true]);
  }, 60_000);

  it('refuses IDs that are not cids before any call, and Tencent-style ones', async () => {
    const { server, phone } = await twoDevices();
    const before = server.requests.length;
    for (const bad of [['C2Calice'], ['messaging:team', 'messaging:team'], [], ['team'], [42]]) {
      await expect(
        phone.deleteConversationList(bad as string[], { clearMessage: false }),
      ).rejects.toBeInstanceOf(ConversationKitError);
    }
    await expect(phone.deleteConversation('GROUPteam')).rejects.toMatchObject({
      code: 'INVALID_CONVERSATION_ID',
    });
    expect(server.requests.length).toBe(before);
    expect(phone.isConversationID?.('messaging:!members-a')).toBe(true);
    expect(isStreamConversationID('messaging:a b')).toBe(false);
  });

  it('fails as not logged in (2024) before connectUser, without a call', async () => {
    server = await startStreamTestServer(seed);
    const client = new StreamChat(TEST_API_KEY, { baseURL: server.baseURL });
    const adapter = createStreamChatAdapter(client);
    expect(adapter.accountID).toBeUndefined();
    await expect(adapter.getConversationList()).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
    expect(await adapter.deleteConversation('messaging:team')).toMatchObject({
      ok: false,
      code: 2024,
    });
    expect(server.requests).toEqual([]);
  });

  it('turns no answer from the network into the kit network codes', async () => {
    const { server, phone } = await twoDevices();
    server.setOnline(false);
    const results = await phone.deleteConversationList(['messaging:team', 'messaging:trip'], {
      clearMessage: false,
    });
    expect(results.map((result) => result.ok)).toEqual([false, false]);
    expect(results.every((result) => isNetworkFailureCode(result.code))).toBe(true);
    await expect(phone.getConversationList()).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('maps error shapes: Stream codes, HTTP status and axios network codes', () => {
    expect(describeStreamFailure({ code: 16, message: 'gone' })).toEqual({
      code: 2500,
      message: 'gone',
    });
    expect(describeStreamFailure({ code: null, status: 404 })).toMatchObject({ code: 2500 });
    expect(describeStreamFailure({ code: 23 })).toMatchObject({ code: 2801 });
    expect(
      describeStreamFailure({ code: 'ECONNABORTED', message: 'timeout of 3000ms exceeded' }),
    ).toMatchObject({
      code: 2801,
    });
    expect(describeStreamFailure({ code: 'ERR_NETWORK' })).toMatchObject({ code: 2800 });
    expect(describeStreamFailure({ code: 9, message: 'Too many requests' })).toEqual({
      code: 9,
      message: 'Too many requests',
    });
    expect(describeStreamFailure('boom')).toEqual({ code: -1, message: 'Unknown failure' });
  });

  it("lets the kit's runtime delete cids: its ID check is the adapter's", async () => {
    const { phone } = await twoDevices();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const runtime = createConversationKitRuntime({
      adapter: phone,
      queryClient,
      store: createConversationStore(),
      outboxStorage: null,
    });
    const disconnect = runtime.connect();
    await queryClient.fetchQuery({ ...runtime.queryOptions });
    const outcome = await runtime.deleteConversations(['messaging:team'], { clearHistory: false });
    expect(outcome.deleted).toEqual(['messaging:team']);
    await expect(
      runtime.deleteConversations(['C2Calice'], { clearHistory: false }),
    ).rejects.toMatchObject({
      code: 'INVALID_CONVERSATION_ID',
    });
    disconnect();
  });
});
