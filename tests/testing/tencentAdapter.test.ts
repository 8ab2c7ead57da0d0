import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTencentChatAdapter } from '../../src/tencent';
import {
  type AdapterConformanceBackend,
  defineAdapterConformanceSuite,
  runAdapterConformance,
} from '../../src/testing';
import { FakeTencentAccount, sdkConversation } from '../adapters/tencent/fakeTencentChat';

// The Tencent adapter over the fake SDK: two devices signed in to one account, with the console's
// "sync conversation deletion across clients" switched on (off, the check of remote deletions is
// skipped). The list emits are throttled as in the SDK, at 5 ms instead of a second, but for one run
// that keeps the second on fake timers.
function tencentBackend(multiClientSync: boolean, throttleMs = 5): AdapterConformanceBackend {
  const account = new FakeTencentAccount({
    conversations: [
      sdkConversation({ conversationID: 'C2Calice', nick: 'Alice' }),
      sdkConversation({ conversationID: 'GROUPteam', groupName: 'Team', unreadCount: 3 }),
      sdkConversation({ conversationID: 'C2Cbob', remark: 'Bob', isPinned: true }),
      sdkConversation({ conversationID: 'C2Ccarol', lastMessage: null }),
      sdkConversation({ conversationID: '@TIM#SYSTEM' }),
    ],
    multiClientSync,
    throttleMs,
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

  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes with the one-second throttle of the SDK on fake timers, the suite waiting through them', async () => {
    vi.useFakeTimers();
    const results = await runAdapterConformance(() => tencentBackend(true, 1000), {
      timeoutMs: 3000,
      sleep: (ms) => vi.advanceTimersByTimeAsync(ms).then(() => undefined),
    });
    expect(results.filter((result) => !result.ok || result.skipped)).toEqual([]);
  });

  it('passes with multi-client sync off too, where remote deletions are not checked', async () => {
    const results = await runAdapterConformance(() => tencentBackend(false));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results.filter((result) => result.skipped).map((result) => result.name)).toEqual([
      'a deletion on one device reaches the other as a remote conversationsDeleted',
    ]);
  });
});
