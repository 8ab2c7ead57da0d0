// The Stream Chat adapter passes the kit's adapter conformance suite: the real `stream-chat` SDK,
// two clients of one user, against the local stand-in for Stream's API (streamTestServer.ts).
import { describe, it } from 'vitest';
import { createStreamChatAdapter } from '../../../src/stream';
import { defineAdapterConformanceSuite } from '../../../src/testing';
import { startStreamTestServer } from './streamTestServer';

const channels = [
  { id: '!members-alice-bob', members: ['alice', 'bob'] },
  { id: 'team', name: 'Team', members: ['alice', 'bob', 'carol'] },
  { id: 'trip', name: 'Trip', members: ['alice', 'dave'] },
  { id: 'book-club', name: 'Book club', members: ['alice', 'erin', 'frank'] },
].map((channel, index) => ({
  ...channel,
  messages: [{ text: `Message ${index}`, userID: channel.members[1] as string }],
}));

describe('the Stream Chat adapter (real SDK, local server)', () => {
  defineAdapterConformanceSuite({ describe, it }, async () => {
    const server = await startStreamTestServer(channels);
    const phone = createStreamChatAdapter(await server.connectClient('alice'));
    const laptop = createStreamChatAdapter(await server.connectClient('alice'));
    return {
      devices: [phone, laptop],
      addMessage: (conversationID, text) => server.addMessage(conversationID, text),
      historyLength: (conversationID) => server.historyLength(conversationID, 'alice'),
      // Stream tells every connection of the user about a hide.
      multiDeviceSync: true,
      cleanup: () => server.close(),
    };
  });
});
