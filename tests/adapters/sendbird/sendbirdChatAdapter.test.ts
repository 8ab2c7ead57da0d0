// The Sendbird adapter over a fake of the SDK typed by its own .d.ts (fakeSendbird.ts says why not
// a local server), plus the parts of the real `@sendbird/chat` that run without Sendbird's servers.
import SendbirdChat, {
  SendbirdErrorCode as SdkErrorCode,
  type SendbirdError,
} from '@sendbird/chat';
import { GroupChannelModule, type SendbirdGroupChat } from '@sendbird/chat/groupChannel';
import { describe, expect, it } from 'vitest';
import {
  createSendbirdChatAdapter,
  describeSendbirdFailure,
  isSendbirdConversationID,
  SendbirdErrorCode,
} from '../../../src/adapters/sendbird';
import {
  type ChatAdapter,
  type ConversationEvent,
  ConversationKitError,
  isNetworkFailureCode,
} from '../../../src/core';
import { FakeSendbirdAccount } from './fakeSendbird';

const channels = [
  { url: 'dm_alice_bob', members: ['alice', 'bob'], isDistinct: true, messages: ['Hi Alice'] },
  { url: 'team', name: 'Team', members: ['bob', 'carol'], messages: ['Standup?', 'Yes'] },
  { url: 'trip', name: 'Trip', members: ['dave'], messages: ['Tickets'] },
];

function twoDevices() {
  const account = new FakeSendbirdAccount('alice', channels);
  const phoneDevice = account.connect();
  const laptopDevice = account.connect();
  const phone = createSendbirdChatAdapter(phoneDevice.asInstance());
  const laptop = createSendbirdChatAdapter(laptopDevice.asInstance());
  return { account, phone, laptop, phoneDevice, laptopDevice };
}

function record(adapter: ChatAdapter): ConversationEvent[] {
  const events: ConversationEvent[] = [];
  adapter.subscribe((event) => events.push(event));
  return events;
}

const deletedIDs = (events: ConversationEvent[], origin: 'local' | 'remote') =>
  events.flatMap((event) =>
    event.type === 'conversationsDeleted' && event.origin === origin ? event.conversationIDs : [],
  );

describe('the Sendbird adapter', () => {
  it("lists the user's group channels, newest message first, mapped to conversations", async () => {
    const { phone } = twoDevices();
    const list = await phone.getConversationList();
    expect(list.map((item) => item.conversationID)).toEqual(['trip', 'team', 'dm_alice_bob']);
    expect(list[2]).toMatchObject({ type: 'C2C', displayName: 'Bob', isPinned: false });
    expect(list[1]).toMatchObject({ type: 'GROUP', displayName: 'Team', unreadCount: 2 });
    expect(list[1]?.lastMessage).toEqual({ text: 'Yes', timestamp: expect.any(Number) });
    expect(phone.accountID).toBe('alice');
  });

  it('reads every page of the channel list query', async () => {
    const many = Array.from({ length: 230 }, (_, index) => ({
      url: `room_${index}`,
      members: ['bob', 'carol'],
      messages: [`m${index}`],
    }));
    const account = new FakeSendbirdAccount('alice', many);
    const adapter = createSendbirdChatAdapter(account.connect().asInstance());
    expect(await adapter.getConversationList()).toHaveLength(230);
  });

  it('hides with hidePreviousMessages as asked, always allowing the automatic unhide', async () => {
    const { account, phone } = twoDevices();
    await phone.getConversationList();
    expect((await phone.deleteConversation('team')).ok).toBe(true);
    await phone.deleteConversationList(['trip'], { clearMessage: false });
    expect(account.hides).toEqual([
      { url: 'team', hidePreviousMessages: true, allowAutoUnhide: true },
      { url: 'trip', hidePreviousMessages: false, allowAutoUnhide: true },
    ]);
    expect(account.historyLength('team')).toBe(0);
    expect(account.historyLength('trip')).toBe(1);
    expect((await phone.getConversationList()).map((item) => item.conversationID)).toEqual([
      'dm_alice_bob',
    ]);
  });

  it('answers one result per ID: unknown ones not found (2500), failures with their code', async () => {
    const { account, phone } = twoDevices();
    await phone.getConversationList();
    account.hideFailures.set('trip', { code: 900050, message: 'Channel is frozen.' });
    const results = await phone.deleteConversationList(['team', 'nowhere', 'trip'], {
      clearMessage: false,
    });
    expect(results).toEqual([
      { conversationID: 'team', ok: true, code: 0, message: 'Deleted' },
      { conversationID: 'nowhere', ok: false, code: 2500, message: expect.any(String) },
      { conversationID: 'trip', ok: false, code: 900050, message: 'Channel is frozen.' },
    ]);
  });

  it('hides a channel it has not listed yet through getChannel', async () => {
    const { account, phone } = twoDevices();
    expect(await phone.deleteConversationList(['team'], { clearMessage: false })).toEqual([
      { conversationID: 'team', ok: true, code: 0, message: 'Deleted' },
    ]);
    expect(account.isHidden('team')).toBe(true);
  });

  it('reports a deletion once on this device as local and on the other as remote', async () => {
    const { phone, laptop } = twoDevices();
    const onPhone = record(phone);
    const onLaptop = record(laptop);
    await phone.deleteConversationList(['team'], { clearMessage: true });
    expect(deletedIDs(onPhone, 'local')).toEqual(['team']);
    expect(deletedIDs(onPhone, 'remote')).toEqual([]);
    expect(deletedIDs(onLaptop, 'remote')).toEqual(['team']);
  });

  it('brings a hidden channel back on a new message', async () => {
    const { account, phone, laptop } = twoDevices();
    const onLaptop = record(laptop);
    await phone.deleteConversationList(['team'], { clearMessage: false });
    account.addMessage('team', 'Back again');
    const updated = onLaptop.flatMap((event) =>
      event.type === 'conversationsUpdated' ? event.conversations : [],
    );
    expect(updated.at(-1)).toMatchObject({
      conversationID: 'team',
      lastMessage: { text: 'Back again' },
    });
    expect(account.historyLength('team')).toBe(3);
    // Shown again, it can be deleted again and is reported again.
    await phone.deleteConversation('team');
    expect(deletedIDs(onLaptop, 'remote')).toEqual(['team', 'team']);
  });

  it('reports a channel deleted for everybody as a remote deletion', () => {
    const { account, laptop } = twoDevices();
    const onLaptop = record(laptop);
    account.deleteChannel('trip');
    expect(deletedIDs(onLaptop, 'remote')).toEqual(['trip']);
  });

  it('removes its handlers when the last subscriber leaves', async () => {
    const { account, phone, laptop, laptopDevice } = twoDevices();
    const events: ConversationEvent[] = [];
    const unsubscribe = laptop.subscribe((event) => events.push(event));
    const stopConnection = laptop.subscribeToConnection?.(() => {});
    expect(laptopDevice.handlerCount).toBe(2);
    unsubscribe();
    stopConnection?.();
    expect(laptopDevice.handlerCount).toBe(0);
    await phone.deleteConversation('team');
    account.addMessage('team', 'hello');
    expect(events).toEqual([]);
  });

  it('tells the connection from the connection handler, changes only', () => {
    const { account, phone } = twoDevices();
    const changes: boolean[] = [];
    phone.subscribeToConnection?.((online) => changes.push(online));
    account.setOnline(false);
    account.setOnline(false);
    account.setOnline(true);
    expect(changes).toEqual([false, true]);
  });

  it("turns Sendbird's network failures into the kit's network codes", async () => {
    const { account, phone } = twoDevices();
    await phone.getConversationList();
    account.setOnline(false);
    const results = await phone.deleteConversationList(['team', 'trip'], { clearMessage: false });
    expect(results.every((result) => !result.ok && isNetworkFailureCode(result.code))).toBe(true);
    await expect(phone.getConversationList()).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('refuses what cannot be a channel URL before any call', async () => {
    const { account, phone } = twoDevices();
    for (const bad of [['a b'], ['team', 'team'], [], ['x/y'], [7]]) {
      await expect(
        phone.deleteConversationList(bad as string[], { clearMessage: false }),
      ).rejects.toBeInstanceOf(ConversationKitError);
    }
    expect(account.hides).toEqual([]);
    expect(isSendbirdConversationID('sendbird_group_channel_123_abc')).toBe(true);
    expect(phone.isConversationID?.('')).toBe(false);
  });

  it('fails as not logged in (2024) when the instance has no current user', async () => {
    const { phone, phoneDevice } = twoDevices();
    phoneDevice.signedIn = false;
    expect(phone.accountID).toBeUndefined();
    await expect(phone.getConversationList()).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
    expect(await phone.deleteConversation('team')).toMatchObject({ ok: false, code: 2024 });
  });

  it('maps error codes', () => {
    expect(describeSendbirdFailure({ code: 400201, message: 'nope' })).toEqual({
      code: 2500,
      message: 'nope',
    });
    expect(describeSendbirdFailure({ code: 800180 })).toMatchObject({ code: 2801 });
    expect(describeSendbirdFailure({ code: 800200 })).toMatchObject({ code: 2800 });
    expect(describeSendbirdFailure({ code: 800101 })).toMatchObject({ code: 2805 });
    expect(describeSendbirdFailure({ code: 400108, message: 'Not authorized.' })).toEqual({
      code: 400108,
      message: 'Not authorized.',
    });
    expect(describeSendbirdFailure(undefined)).toEqual({ code: -1, message: 'Unknown failure' });
  });
});

describe('the Sendbird adapter with the real SDK, no server', () => {
  function realInstance(): SendbirdGroupChat {
    return SendbirdChat.init({
      appId: 'LOCAL-TEST-APP',
      modules: [new GroupChannelModule()],
    }) as SendbirdGroupChat;
  }

  it('registers handlers the SDK accepts (it refuses anything but its own classes), and removes them', () => {
    const sb = realInstance();
    expect(() => sb.groupChannel.addGroupChannelHandler('plain', {} as never)).toThrow();
    const adapter = createSendbirdChatAdapter(sb);
    const stop = adapter.subscribe(() => {});
    const stopConnection = adapter.subscribeToConnection?.(() => {});
    stop();
    stopConnection?.();
    expect(adapter.accountID).toBeUndefined();
  });

  it("knows Sendbird's error codes by the SDK's own names and values", () => {
    for (const [name, code] of Object.entries(SendbirdErrorCode)) {
      expect(SdkErrorCode[name as keyof typeof SdkErrorCode]).toBe(code);
    }
  });

  it("maps the SDK's own error for a call before connect", async () => {
    const sb = realInstance();
    const error = await sb.groupChannel
      .createMyGroupChannelListQuery({ limit: 10 })
      .next()
      .catch((reason: SendbirdError) => reason);
    expect((error as SendbirdError).code).toBe(800101);
    expect(describeSendbirdFailure(error).code).toBe(2805);
    const adapter = createSendbirdChatAdapter(sb);
    await expect(adapter.getConversationList()).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
  });
});
