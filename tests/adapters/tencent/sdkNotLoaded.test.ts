import { describe, expect, it, vi } from 'vitest';
import { FakeTencentChat, sdkConversation } from './fakeTencentChat';

// The SDK is an optional peer dependency: importing the adapter must not load its module.
vi.mock('@tencentcloud/chat', () => {
  throw new Error('the @tencentcloud/chat runtime was loaded');
});

describe('the Tencent adapter without the SDK module', () => {
  it('loads and works with only an instance handed to it', async () => {
    const { createTencentChatAdapter } = await import('../../../src/adapters/tencent');
    const chat = new FakeTencentChat({
      conversations: [sdkConversation({ conversationID: 'C2Calice' })],
    });
    const adapter = createTencentChatAdapter(chat);

    await expect(adapter.deleteConversation('C2Calice')).resolves.toMatchObject({ ok: true });
  });
});
