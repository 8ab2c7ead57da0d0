import { describe, it } from 'vitest';
import { createMemoryChatServer } from '../../src/memory';
import { defineAdapterConformanceSuite } from '../../src/testing';

// The in-memory server, as the kit's own tests, stories and demo use it: multi-client sync on.
describe('the in-memory server', () => {
  defineAdapterConformanceSuite({ describe, it }, () => {
    const server = createMemoryChatServer({ conversations: 6, multiClientSync: true });
    return {
      devices: [server.connect('A'), server.connect('B')],
      addMessage: (conversationID, text) => server.receiveMessage(conversationID, text),
      historyLength: (conversationID) => server.historyLength(conversationID),
      multiDeviceSync: true,
    };
  });
});
