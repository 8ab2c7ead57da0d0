import { describe, expect, it } from 'vitest';
import { createMemoryChatServer } from '../../../src/adapters/memory';
import { createTencentChatAdapter } from '../../../src/adapters/tencent';
import {
  ConversationKitError,
  isNetworkFailureCode,
  kitCodeForSdkCode,
  UNKNOWN_FAILURE_CODE,
} from '../../../src/core';
import { FakeTencentChat, sdkConversation } from './fakeTencentChat';

describe('isNetworkFailureCode', () => {
  it("is true for the SDK's network codes, 2800 to 2805", () => {
    for (const code of [2800, 2801, 2802, 2803, 2804, 2805]) {
      expect(isNetworkFailureCode(code)).toBe(true);
      expect(kitCodeForSdkCode(code)).toBe('NETWORK');
    }
  });

  it('is false for every other code, the unknown one included', () => {
    for (const code of [0, 2024, 2500, 2501, 2503, 2799, 2806, 2999, 2800.5, Number.NaN]) {
      expect(isNetworkFailureCode(code)).toBe(false);
    }
    expect(isNetworkFailureCode(UNKNOWN_FAILURE_CODE)).toBe(false);
    expect(isNetworkFailureCode(undefined)).toBe(false);
  });
});

// What the runtime reads to tell "retry when back online" from "roll back": the same from both
// adapters, on results and on errors.
describe('network failures of both adapters', () => {
  it('the Tencent adapter carries the SDK network code on results and errors', async () => {
    const chat = new FakeTencentChat({
      conversations: [sdkConversation({ conversationID: 'C2Calice' })],
    });
    const adapter = createTencentChatAdapter(chat);

    chat.failNext({ code: 2801, message: 'Request timed out' });
    const [result] = await adapter.deleteConversationList(['C2Calice'], { clearMessage: false });
    expect(result).toMatchObject({ ok: false, code: 2801 });
    expect(isNetworkFailureCode(result?.code)).toBe(true);

    chat.failNext({ method: 'getConversationList', code: 2805, message: 'No network' });
    const error = await adapter.getConversationList().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConversationKitError);
    expect(error).toMatchObject({ code: 'NETWORK', sdkCode: 2805 });
    expect(isNetworkFailureCode((error as ConversationKitError).sdkCode)).toBe(true);
  });

  it('the offline memory server does the same with 2800', async () => {
    const server = createMemoryChatServer({ conversations: 3 });
    const adapter = server.connect();
    const [first] = server.listConversations();
    server.setOnline(false);

    const result = await adapter.deleteConversation(first?.conversationID as string);
    expect(isNetworkFailureCode(result.code)).toBe(true);
    const error = await adapter.getConversationList().catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'NETWORK', sdkCode: 2800 });
  });

  it('a refusal is not a network failure', async () => {
    const chat = new FakeTencentChat({ loggedIn: false });
    const [result] = await createTencentChatAdapter(chat).deleteConversationList(['C2Calice'], {
      clearMessage: true,
    });
    expect(result?.code).toBe(2024);
    expect(isNetworkFailureCode(result?.code)).toBe(false);
  });
});
