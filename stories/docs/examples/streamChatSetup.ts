import type { ChatAdapter } from 'conversation-kit';
import { createStreamChatAdapter } from 'conversation-kit/stream';
import { StreamChat } from 'stream-chat';

/**
 * Signs the person in to Stream Chat and makes the kit's adapter over the client. `userToken`
 * comes from your server (Stream's server SDK signs it).
 */
export async function connectStreamChat(
  apiKey: string,
  userID: string,
  userToken: string,
): Promise<ChatAdapter> {
  const client = StreamChat.getInstance(apiKey);
  await client.connectUser({ id: userID }, userToken);
  return createStreamChatAdapter(client, {
    // The channel type whose channels are the person's conversations (default 'messaging').
    channelType: 'messaging',
    // How many hide calls a batch deletion runs at once (default 5).
    concurrency: 5,
    // The same on the server and in the browser, for a list prefetched on the server.
    cacheKey: userID,
  });
}
