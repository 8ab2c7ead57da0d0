import { describe, expect, it } from 'vitest';
import { FakeTencentChat, sdkConversation } from './fakeTencentChat';

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
