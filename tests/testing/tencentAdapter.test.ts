import { describe, expect, it } from 'vitest';
import { createTencentChatAdapter } from '../../src/tencent';
import {
  type AdapterConformanceBackend,
  defineAdapterConformanceSuite,
  runAdapterConformance,
} from '../../src/testing';
import { FakeTencentAccount, sdkConversation } from '../adapters/tencent/fakeTencentChat';

// The Tencent adapter over the fake SDK: two devices signed in to one account, with the console's
// "sync conversation deletion across clients" switched on (off, the check of remote deletions is
// skipped). The list emits are throttled as in the SDK, at 5 ms instead of a second.
function tencentBackend(multiClientSync: boolean): AdapterConformanceBackend {
  const account = new FakeTencentAccount({
    conversations: [
      sdkConversation({ conversationID: 'C2Calice', nick: 'Alice' }),
      sdkConversation({ conversationID: 'GROUPteam', groupName: 'Team', unreadCount: 3 }),
      sdkConversation({ conversationID: 'C2Cbob', remark: 'Bob', isPinned: true }),
      sdkConversation({ conversationID: 'C2Ccarol', lastMessage: null }),
      sdkConversation({ conversationID: '@TIM#SYSTEM' }),
    ],
    multiClientSync,
    throttleMs: 5,
  });
  return {
    devices: [
      createTencentChatAdapter(account.connect()),
      createTencentChatAdapter(account.connect()),
    ],
    addMessage: (conversationID, text) => account.receiveMessage(conversationID, text),
    historyLength: (conversationID) => account.historyLength(conversationID),
    multiDeviceSync: multiClientSync,
    cleanup: () => account.dispose(),
  };
}

describe('the Tencent Cloud Chat adapter', () => {
  defineAdapterConformanceSuite({ describe, it }, () => tencentBackend(true));

  it('passes with multi-client sync off too, where remote deletions are not checked', async () => {
    const results = await runAdapterConformance(() => tencentBackend(false));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results.filter((result) => result.skipped).map((result) => result.name)).toEqual([
      'a deletion on one device reaches the other as a remote conversationsDeleted',
    ]);
  });
});
