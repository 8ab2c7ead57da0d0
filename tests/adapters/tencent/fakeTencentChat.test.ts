import { describe, expect, it } from 'vitest';
import { FakeTencentAccount, FakeTencentChat, sdkConversation } from './fakeTencentChat';

// The adapter's tests are only as good as the fake: these pin the SDK behaviours it reproduces.
describe('the fake Tencent chat', () => {
  const ids = Array.from({ length: 150 }, (_, index) => `C2Cuser${index}`);

  it('silently deletes only the first 100 of a longer list', async () => {
    const chat = new FakeTencentChat({
      conversations: ids.map((conversationID) => sdkConversation({ conversationID })),
    });

    const response = await chat.deleteConversation({ conversationIDList: ids });

    expect(response).toEqual({ code: 0, data: { conversationIDList: ids.slice(0, 100) } });
    expect(chat.serverConversationIDs()).toEqual(ids.slice(100));
  });

  it('leaves unknown IDs out of the deleted list', async () => {
    const chat = new FakeTencentChat({
      conversations: [sdkConversation({ conversationID: 'C2Calice' })],
    });

    const response = await chat.deleteConversation({
      conversationIDList: ['C2Cghost', 'C2Calice'],
    });

    expect(response).toEqual({ code: 0, data: { conversationIDList: ['C2Calice'] } });
  });

  it('throws synchronously on an empty list', () => {
    const chat = new FakeTencentChat();
    expect(() => chat.deleteConversation({ conversationIDList: [] })).toThrow(TypeError);
  });

  it('rejects with 2024 before login', async () => {
    const chat = new FakeTencentChat({ loggedIn: false });
    await expect(chat.deleteConversation({ conversationIDList: ['C2Ca'] })).rejects.toEqual({
      code: 2024,
      message: 'Not logged in',
    });
  });

  it('emits the whole list once per flush, only after a change', () => {
    const chat = new FakeTencentChat({
      conversations: ['C2Ca', 'C2Cb'].map((conversationID) => sdkConversation({ conversationID })),
    });
    const emits: unknown[] = [];
    chat.on('onConversationListUpdated', (event: { data: Array<{ conversationID: string }> }) =>
      emits.push(event.data.map((conversation) => conversation.conversationID)),
    );

    chat.flush();
    chat.deleteOnAnotherDevice(['C2Ca']);
    chat.deleteOnAnotherDevice(['C2Cb']);
    chat.flush();
    chat.flush();

    expect(emits).toEqual([[]]);
  });
});

describe('the fake Tencent account with two devices', () => {
  const conversations = ['C2Ca', 'C2Cb'].map((conversationID) =>
    sdkConversation({ conversationID }),
  );

  function listOf(chat: FakeTencentChat): string[] {
    return chat.serverConversationIDs();
  }

  it("takes one device's deletion off the other only with multi-client sync", async () => {
    for (const multiClientSync of [true, false]) {
      const account = new FakeTencentAccount({ conversations, multiClientSync });
      const [phone, laptop] = [account.connect(), account.connect()];
      await phone.deleteConversation('C2Ca');
      expect(listOf(phone)).toEqual(['C2Cb']);
      expect(listOf(laptop)).toEqual(multiClientSync ? ['C2Cb'] : ['C2Ca', 'C2Cb']);
      account.dispose();
    }
  });

  it('clears the history with the string form, keeps it with clearHistoryMessage: false', async () => {
    const account = new FakeTencentAccount({ conversations });
    const phone = account.connect();
    await phone.deleteConversation('C2Ca');
    await phone.deleteConversation({ conversationIDList: ['C2Cb'], clearHistoryMessage: false });
    expect([account.historyLength('C2Ca'), account.historyLength('C2Cb')]).toEqual([0, 1]);
    account.dispose();
  });

  it('brings a deleted conversation back to the top of every device with a message', async () => {
    const account = new FakeTencentAccount({ conversations, multiClientSync: true, throttleMs: 1 });
    const [phone, laptop] = [account.connect(), account.connect()];
    const emitted: string[][] = [];
    laptop.on('onConversationListUpdated', (event: { data: Array<{ conversationID: string }> }) =>
      emitted.push(event.data.map((conversation) => conversation.conversationID)),
    );
    await phone.deleteConversation({ conversationIDList: ['C2Cb'], clearHistoryMessage: false });
    account.receiveMessage('C2Cb', 'Back');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listOf(phone)).toEqual(['C2Cb', 'C2Ca']);
    expect(emitted.at(-1)).toEqual(['C2Cb', 'C2Ca']);
    expect(account.historyLength('C2Cb')).toBe(2);
    account.dispose();
  });
});
