import SendbirdChat from '@sendbird/chat';
import { GroupChannelModule } from '@sendbird/chat/groupChannel';
import type { ChatAdapter } from 'conversation-kit';
import { createSendbirdChatAdapter } from 'conversation-kit/sendbird';

/**
 * Signs the person in to Sendbird and makes the kit's adapter over the instance. The group
 * channel module is required: group channels are the person's conversations.
 */
export async function connectSendbird(
  appId: string,
  userID: string,
  accessToken: string,
): Promise<ChatAdapter> {
  const sb = SendbirdChat.init({ appId, modules: [new GroupChannelModule()] });
  await sb.connect(userID, accessToken);
  return createSendbirdChatAdapter(sb, {
    // How many hide calls a batch deletion runs at once (default 5).
    concurrency: 5,
    // The same on the server and in the browser, for a list prefetched on the server.
    cacheKey: userID,
  });
}
