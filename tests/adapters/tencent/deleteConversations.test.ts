import { describe, expect, it } from 'vitest';
import { createTencentChatAdapter } from '../../../src/adapters/tencent';
import { ConversationKitError, SdkCode, UNKNOWN_FAILURE_CODE } from '../../../src/core';
import { FakeTencentChat, sdkConversation } from './fakeTencentChat';

function c2cIDs(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `C2Cuser${index}`);
}

function setUp(ids: readonly string[] = ['C2Calice', 'C2Cbob', 'GROUPteam', '@TIM#SYSTEM']) {
  const chat = new FakeTencentChat({
    conversations: ids.map((conversationID) => sdkConversation({ conversationID })),
  });
  return { chat, adapter: createTencentChatAdapter(chat) };
}

describe('the Tencent adapter', () => {
  it('says it deletes at most 100 per call and can keep history', () => {
    const { adapter } = setUp();
    expect(adapter.capabilities).toEqual({ maxBatchSize: 100, keepHistory: true });
  });
});

describe('deleting one conversation with its history', () => {
  it('uses the string form of deleteConversation, which always clears the history', async () => {
    const { chat, adapter } = setUp();

    const result = await adapter.deleteConversation('C2Calice');

    expect(chat.deleteCalls).toEqual(['C2Calice']);
    expect(result).toEqual({ conversationID: 'C2Calice', ok: true, code: 0, message: 'Deleted' });
    expect(chat.serverConversationIDs()).not.toContain('C2Calice');
  });

  it('resolves with a failed result carrying the SDK code when the SDK rejects', async () => {
    const { chat, adapter } = setUp();
    chat.failNext({ code: SdkCode.NETWORK_TIMEOUT, message: 'request timed out' });

    await expect(adapter.deleteConversation('C2Calice')).resolves.toEqual({
      conversationID: 'C2Calice',
      ok: false,
      code: 2801,
      message: 'request timed out',
    });
    expect(chat.serverConversationIDs()).toContain('C2Calice');
  });
});

describe('deleting one conversation but keeping its history', () => {
  it('reaches the SDK as a one-ID list with clearHistoryMessage false', async () => {
    const { chat, adapter } = setUp();

    const results = await adapter.deleteConversationList(['C2Cbob'], { clearMessage: false });

    expect(chat.deleteCalls).toEqual([
      { conversationIDList: ['C2Cbob'], clearHistoryMessage: false },
    ]);
    expect(results).toEqual([{ conversationID: 'C2Cbob', ok: true, code: 0, message: 'Deleted' }]);
  });

  it('passes clearMessage true through as clearHistoryMessage true', async () => {
    const { chat, adapter } = setUp();

    await adapter.deleteConversationList(['C2Cbob', 'GROUPteam'], { clearMessage: true });

    expect(chat.deleteCalls).toEqual([
      { conversationIDList: ['C2Cbob', 'GROUPteam'], clearHistoryMessage: true },
    ]);
  });
});

describe('deleting more than 100 conversations', () => {
  it('sends 250 IDs as 100, 100 and 50, because the SDK would drop all but the first 100', async () => {
    const ids = c2cIDs(250);
    const { chat, adapter } = setUp(ids);

    const results = await adapter.deleteConversationList(ids, { clearMessage: true });

    expect(chat.deleteCalls).toEqual([
      { conversationIDList: ids.slice(0, 100), clearHistoryMessage: true },
      { conversationIDList: ids.slice(100, 200), clearHistoryMessage: true },
      { conversationIDList: ids.slice(200), clearHistoryMessage: true },
    ]);
    expect(results.map((result) => result.conversationID)).toEqual(ids);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(chat.serverConversationIDs()).toEqual([]);
  });

  it('fails exactly the IDs of a rejected chunk and still sends the chunks after it', async () => {
    const ids = c2cIDs(250);
    const { chat, adapter } = setUp(ids);
    const results = adapter.deleteConversationList(ids, { clearMessage: false });
    // The first chunk was sent synchronously; this fault meets the second one.
    chat.failNext({ code: SdkCode.NETWORK_ERROR, message: 'network down' });

    const settled = await results;

    expect(chat.deleteCalls).toHaveLength(3);
    expect(settled.slice(0, 100).every((result) => result.ok)).toBe(true);
    expect(settled.slice(100, 200)).toEqual(
      ids.slice(100, 200).map((conversationID) => ({
        conversationID,
        ok: false,
        code: 2800,
        message: 'network down',
      })),
    );
    expect(settled.slice(200).every((result) => result.ok)).toBe(true);
    expect(chat.serverConversationIDs()).toEqual(ids.slice(100, 200));
  });
});

describe('per-ID results from the list of deleted IDs', () => {
  it('fails the IDs the SDK left out with 2500 and keeps the input order', async () => {
    const { adapter } = setUp(['C2Calice', 'GROUPteam']);

    const results = await adapter.deleteConversationList(
      ['C2Cghost', 'C2Calice', 'GROUPgone', 'GROUPteam'],
      { clearMessage: true },
    );

    expect(results).toEqual([
      { conversationID: 'C2Cghost', ok: false, code: 2500, message: 'Conversation not found' },
      { conversationID: 'C2Calice', ok: true, code: 0, message: 'Deleted' },
      { conversationID: 'GROUPgone', ok: false, code: 2500, message: 'Conversation not found' },
      { conversationID: 'GROUPteam', ok: true, code: 0, message: 'Deleted' },
    ]);
  });

  it('fails every ID when the SDK resolves without saying what it deleted', async () => {
    const { chat, adapter } = setUp();
    chat.deleteConversation = () => Promise.resolve({ code: 0, data: {} });

    const results = await adapter.deleteConversationList(['C2Calice'], { clearMessage: true });

    expect(results).toEqual([
      expect.objectContaining({
        conversationID: 'C2Calice',
        ok: false,
        code: UNKNOWN_FAILURE_CODE,
      }),
    ]);
  });
});

describe('when the SDK throws synchronously', () => {
  it('turns the throw of a batch into failed results, without throwing itself', async () => {
    const { chat, adapter } = setUp();
    chat.failNext({ synchronous: true, code: SdkCode.SDK_NOT_READY, message: 'sdk not ready' });

    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = adapter.deleteConversationList(['C2Calice', 'C2Cbob'], { clearMessage: false });
    }).not.toThrow();

    await expect(pending).resolves.toEqual([
      { conversationID: 'C2Calice', ok: false, code: 2999, message: 'sdk not ready' },
      { conversationID: 'C2Cbob', ok: false, code: 2999, message: 'sdk not ready' },
    ]);
  });

  it('turns the throw of a single delete into a failed result', async () => {
    const { chat, adapter } = setUp();
    chat.failNext({ synchronous: true, error: new TypeError('bad parameter') });

    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = adapter.deleteConversation('C2Calice');
    }).not.toThrow();

    await expect(pending).resolves.toEqual({
      conversationID: 'C2Calice',
      ok: false,
      code: UNKNOWN_FAILURE_CODE,
      message: 'bad parameter',
    });
  });
});

describe('before login', () => {
  it('fails every ID of a batch with 2024', async () => {
    const { chat, adapter } = setUp();
    chat.loggedIn = false;

    const results = await adapter.deleteConversationList(['C2Calice', 'GROUPteam'], {
      clearMessage: true,
    });

    expect(results).toEqual([
      { conversationID: 'C2Calice', ok: false, code: 2024, message: 'Not logged in' },
      { conversationID: 'GROUPteam', ok: false, code: 2024, message: 'Not logged in' },
    ]);
    expect(chat.serverConversationIDs()).toContain('C2Calice');
  });

  it('fails a single delete with 2024', async () => {
    const { chat, adapter } = setUp();
    chat.loggedIn = false;

    await expect(adapter.deleteConversation('C2Calice')).resolves.toMatchObject({
      ok: false,
      code: 2024,
    });
  });
});

describe('bad input', () => {
  const badLists: Array<[string, unknown, unknown, string]> = [
    ['an empty list', [], { clearMessage: true }, 'EMPTY_SELECTION'],
    [
      'a repeated ID',
      ['C2Calice', 'C2Cbob', 'C2Calice'],
      { clearMessage: true },
      'DUPLICATE_CONVERSATION_ID',
    ],
    ['a malformed ID', ['C2Calice', 'alice'], { clearMessage: true }, 'INVALID_CONVERSATION_ID'],
    ['a non-string ID', ['C2Calice', 42], { clearMessage: true }, 'INVALID_CONVERSATION_ID'],
    ['a null ID', [null], { clearMessage: true }, 'INVALID_CONVERSATION_ID'],
    ['a native SDK ID', ['c2c_alice'], { clearMessage: true }, 'INVALID_CONVERSATION_ID'],
    ['an ID with whitespace', ['C2Calice bob'], { clearMessage: true }, 'INVALID_CONVERSATION_ID'],
    ['a string instead of a list', 'C2Calice', { clearMessage: true }, 'INVALID_ARGUMENT'],
    ['no options', ['C2Calice'], undefined, 'INVALID_ARGUMENT'],
    ['options without clearMessage', ['C2Calice'], {}, 'INVALID_ARGUMENT'],
    [
      'a clearMessage that is not a boolean',
      ['C2Calice'],
      { clearMessage: 'no' },
      'INVALID_ARGUMENT',
    ],
  ];

  it.each(badLists)(
    'rejects %s with a typed error before calling the SDK',
    async (_, ids, options, code) => {
      const { chat, adapter } = setUp();
      const before = chat.serverConversationIDs();

      let pending: Promise<unknown> | undefined;
      expect(() => {
        // Deliberately wrong types: callers in plain JavaScript can send anything.
        pending = adapter.deleteConversationList(
          ids as string[],
          options as { clearMessage: boolean },
        );
      }).not.toThrow();

      const error = await pending?.catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(ConversationKitError);
      expect(error).toMatchObject({ code });
      expect(chat.deleteCalls).toEqual([]);
      expect(chat.serverConversationIDs()).toEqual(before);
    },
  );

  const badIDs: Array<[string, unknown]> = [
    ['an empty string', ''],
    ['a native SDK ID', 'group_team'],
    ['a prefix without a peer', 'GROUP'],
    ['a number', 42],
    ['undefined', undefined],
  ];

  it.each(badIDs)('rejects a single delete of %s with INVALID_CONVERSATION_ID', async (_, id) => {
    const { chat, adapter } = setUp();

    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = adapter.deleteConversation(id as string);
    }).not.toThrow();

    const error = await pending?.catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(ConversationKitError);
    expect(error).toMatchObject({ code: 'INVALID_CONVERSATION_ID' });
    expect(chat.deleteCalls).toEqual([]);
  });
});
